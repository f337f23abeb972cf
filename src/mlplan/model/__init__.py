"""The models: what a plan and the framework are (pydantic), their vocabularies, the
calendar's arithmetic and the finding type. No I/O, no rendering; imports only
``mlplan.errors``, ``mlplan.i18n`` and itself."""
