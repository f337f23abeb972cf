"""Pages built once as a :class:`mlplan.render.document.Document`, for every emitter:
``prepare`` (the aios's preparation sheet) and ``handover`` (the overdrachtsdocument).
``common`` holds the blocks several pages share."""
