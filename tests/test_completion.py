"""Shell completion with the installed ``mlplan`` script, in a temporary HOME.

The install writes the user's shell start-up files, so every test gets its own HOME.
Completion runs the program on every TAB through typer's protocol
(``_MLPLAN_COMPLETE=complete_bash|complete_zsh``); the bash tests source the installed
script in a real bash and call its completion function as bash would.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def script() -> str:
    found = shutil.which("mlplan", path=str(BIN))
    assert found, "the mlplan script is installed next to the interpreter"
    return found


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An environment with an empty HOME and the venv's scripts first on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "_TYPER"))}
    env |= {
        "HOME": str(tmp_path),
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "NO_COLOR": "1",
        "MLPLAN_CACHE_DIR": "",
    }
    return env


def sh(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=60)


def bash_complete(words: str, env: dict[str, str]) -> list[str]:
    """What the installed completion offers for ``words`` (the last word being typed)."""
    parts = words.split(" ")  # a trailing space: an empty word is being typed
    program = (
        "source ~/.bash_completions/mlplan.sh; "
        f"COMP_WORDS=({' '.join(shlex.quote(p) for p in parts)}); COMP_CWORD={len(parts) - 1}; "
        '_mlplan_completion mlplan; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = sh(["bash", "--norc", "--noprofile", "-c", program], env)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_install_for_bash_from_bash(home: dict[str, str]) -> None:
    # as a user does it: from an interactive bash (``; true`` keeps bash from exec-ing
    # mlplan, so bash stays its parent and is detected)
    done = sh(["bash", "--norc", "--noprofile", "-c", "mlplan --install-completion; true"], home)
    assert done.returncode == 0, done.stderr
    assert "bash completion installed" in done.stdout
    rc = Path(home["HOME"], ".bashrc").read_text(encoding="utf-8")
    assert f"source '{home['HOME']}/.bash_completions/mlplan.sh'" in rc
    assert bash_complete("mlplan fr", home) == ["framework"]
    assert bash_complete("mlplan check --format ", home) == ["text", "json", "github", "gitlab"]
    assert set(bash_complete("mlplan ", home)) >= {"check", "plan", "summary", "add", "meeting"}


def test_install_for_zsh(home: dict[str, str]) -> None:
    # zsh need not be installed here: name the shell (typer's switch to skip detection)
    env = home | {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = sh([script(), "--install-completion", "zsh"], env)
    assert done.returncode == 0, done.stderr
    function = Path(home["HOME"], ".zfunc", "_mlplan").read_text(encoding="utf-8")
    assert function.startswith("#compdef mlplan")
    assert "fpath+=~/.zfunc" in Path(home["HOME"], ".zshrc").read_text(encoding="utf-8")
    # what zsh's completion function asks the program, and what it gets back
    asked = sh(
        [script()], home | {"_MLPLAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mlplan fr"}
    )
    assert asked.returncode == 0, asked.stderr
    assert '"framework":"Blader door het kader' in asked.stdout


def test_completion_speaks_the_users_language(home: dict[str, str]) -> None:
    env = home | {"_MLPLAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mlplan fr"}
    assert '"framework":"Browse the framework' in sh([script()], env | {"MLPLAN_LANG": "en"}).stdout


def _complete_bash(words: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """What the program answers bash for ``words`` (typer's protocol, as the installed
    bash function asks it)."""
    parts = words.split(" ")
    asked = env | {
        "_MLPLAN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    return sh([script()], asked)


def test_topic_ids_complete_with_tab(home: dict[str, str]) -> None:
    assert _complete_bash("mlplan framework pat", home).stdout.split() == ["patientveiligheid"]
    assert _complete_bash("mlplan add --topic o", home).stdout.split() == [
        "overlegmomenten",
        "organisatie",
        "onderhandelen",
    ]
    assert len(_complete_bash("mlplan add --topic ", home).stdout.split()) == 14
    # zsh shows each id with its title
    env = home | {
        "_MLPLAN_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "mlplan framework fin",
    }
    assert '"financien":"Financiën"' in sh([script()], env).stdout


def test_topic_completion_follows_the_framework_on_the_command_line(
    home: dict[str, str], tmp_path: Path
) -> None:
    from mlplan.io.loading import shipped_path

    own = tmp_path / "kader.yaml"
    own.write_text(
        shipped_path().read_text(encoding="utf-8").replace("id: financien", "id: geldzaken"),
        encoding="utf-8",
    )
    done = _complete_bash(f"mlplan framework --framework {own} ge", home)
    assert done.stdout.split() == ["geldzaken"]
    broken = tmp_path / "kapot.yaml"
    broken.write_text("competencies: [", encoding="utf-8")
    done = _complete_bash(f"mlplan framework --framework {broken} ", home)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "", "")


def test_status_words_complete_with_tab_in_the_users_language(home: dict[str, str]) -> None:
    assert _complete_bash("mlplan status 5 ", home).stdout.split() == [
        "gepland",
        "bezig",
        "vervallen",
    ]
    assert _complete_bash("mlplan status plan.yaml 5 b", home).stdout.split() == ["bezig"]
    assert _complete_bash("mlplan status 5 in", home).stdout.split() == ["in_progress"]
    english = home | {"MLPLAN_LANG": "en"}
    assert _complete_bash("mlplan status 5 ", english).stdout.split() == [
        "planned",
        "in_progress",
        "dropped",
    ]
    # not where the activity goes, and not after the status
    assert _complete_bash("mlplan status ", home).stdout.split() == []
    assert _complete_bash("mlplan status plan.yaml ", home).stdout.split() == []
    assert _complete_bash("mlplan status 5 bezig ", home).stdout.split() == []


def test_the_vocabularies_choices_complete_with_tab(home: dict[str, str]) -> None:
    # --sort, --phase and --kind are choices of their vocabulary, offered as --format's are
    assert _complete_bash("mlplan summary --sort ", home).stdout.split() == [
        "name",
        "year",
        "coverage",
        "overdue",
    ]
    assert _complete_bash("mlplan add --phase ", home).stdout.split() == [
        "begin",
        "midden",
        "eind",
    ]
    assert _complete_bash("mlplan add --phase M", home).stdout.split() == ["midden"]
    assert _complete_bash("mlplan meeting --kind ", home).stdout.split() == [
        "introductie",
        "voortgang",
        "geschiktheid",
    ]
    assert _complete_bash("mlplan meeting --kind g", home).stdout.split() == ["geschiktheid"]


# -- the quick answer (commands.completion.answer) and typer's own --------------------

TYPERS_OWN = (
    "import sys\n"
    "sys.argv[0] = 'mlplan'\n"
    "from mlplan.cli.commands import completion\n"
    "completion.answer = lambda *args: None  # typer answers every TAB\n"
    "from mlplan.cli.app import main\n"
    "main()\n"
)
# (the words typed so far, extra environment); a trailing space: a new word is started
TABS: list[tuple[str, dict[str, str]]] = [
    ("mlplan ", {}),
    ("mlplan fr", {}),
    ("mlplan s", {}),
    ("mlplan --lang en ", {}),
    ("mlplan --", {}),
    ("mlplan check --", {}),
    ("mlplan check --format ", {}),
    ("mlplan check --format g", {}),
    ("mlplan check -f ", {}),
    ("mlplan check pl", {}),
    ("mlplan check plan.yaml ", {}),
    ("mlplan check --format=", {}),
    ("mlplan plan --format ", {}),
    ("mlplan plan --csv-dialect ", {}),
    ("mlplan summary --format m", {}),
    ("mlplan summary --sort ", {}),
    ("mlplan summary --sort c", {}),
    ("mlplan add --phase ", {}),
    ("mlplan add --phase=m", {}),
    ("mlplan summary plannen/ --", {}),
    ("mlplan framework pat", {}),
    ("mlplan framework ", {"MLPLAN_LANG": "en"}),
    ("mlplan framework --framework kader.yaml ge", {}),
    ("mlplan framework fin", {"MLPLAN_FRAMEWORK": "kader.yaml"}),
    ("mlplan add --topic o", {}),
    ("mlplan add --topic ", {}),
    ("mlplan add --title x --topic ", {}),
    ("mlplan status ", {}),
    ("mlplan status 5 ", {}),
    ("mlplan status 5 ", {"MLPLAN_LANG": "en"}),
    ("mlplan status plan.yaml 5 b", {}),
    ("mlplan status 5 in", {}),
    ("mlplan status 5 bezig ", {}),
    ("mlplan meeting --kind ", {}),
    ("mlplan meeting --date 2026-11-22 --kind v", {}),
    ("mlplan done ", {}),
    ("mlplan init --", {}),
    ("mlplan chek ", {}),
    ("mlplan check --bogus ", {}),
    ("mlplan --version ", {}),
    ("mlplan check --help ", {}),
    ("mlplan 'check' --str", {}),
]


def _asked(words: str, shell: str, env: dict[str, str]) -> dict[str, str]:
    if shell == "bash":
        parts = words.split(" ")
        return env | {
            "_MLPLAN_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        }
    return env | {"_MLPLAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words}


@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize(("words", "extra"), TABS, ids=[" ".join(w for w, _ in [t]) for t in TABS])
def test_the_quick_answer_is_typers_answer(
    words: str, extra: dict[str, str], shell: str, home: dict[str, str], tmp_path: Path
) -> None:
    from mlplan.io.loading import shipped_path

    (tmp_path / "kader.yaml").write_text(
        shipped_path().read_text(encoding="utf-8").replace("id: financien", "id: geldzaken"),
        encoding="utf-8",
    )
    env = _asked(words, shell, home | extra)
    quick = subprocess.run(
        [script()], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    typers = subprocess.run(
        [sys.executable, "-c", TYPERS_OWN],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        typers.returncode,
        typers.stdout,
        typers.stderr,
    )


@pytest.mark.parametrize(
    ("words", "shell", "models"),
    [
        ("mlplan fr", "bash", False),
        ("mlplan check --format ", "bash", False),
        ("mlplan status 5 ", "bash", False),  # the status words: the vocabulary, no models
        ("mlplan framework pat", "bash", True),  # the framework's topics
        ("mlplan ", "zsh", False),
        ("mlplan check --", "zsh", False),
    ],
)
def test_a_tab_is_answered_without_typers_parsing(
    words: str, shell: str, models: bool, home: dict[str, str]
) -> None:
    """What made a TAB slow: typer's type adapters (pydantic's schema machinery) and, for
    bash, typer's rich helpers."""
    env = _asked(words, shell, home) | {"PYTHONPROFILEIMPORTTIME": "1"}
    done = sh([script()], env)
    assert done.returncode == 0, done.stderr
    loaded = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()}
    assert "typer._adapters" not in loaded
    assert ("pydantic._internal._generate_schema" in loaded) is models
    if shell == "bash":
        assert "rich" not in loaded


@pytest.mark.parametrize("command", sorted(__import__("mlplan.cli.app").cli.app.COMMANDS))
def test_a_tab_inside_any_command_loads_no_models(command: str, home: dict[str, str]) -> None:
    """The command's module is its declaration, so a TAB inside it imports the module: the
    module keeps the plan's and the framework's models (and the checks) for when it runs,
    or every ``mlplan summary --<TAB>`` would cost twice the import floor."""
    env = _asked(f"mlplan {command} --", "bash", home) | {"PYTHONPROFILEIMPORTTIME": "1"}
    done = sh([script()], env)
    assert done.returncode == 0, done.stderr
    loaded = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()}
    assert {
        "mlplan.model.plan",
        "mlplan.model.framework",
        "mlplan.domain.checking",
    } & loaded == set()
    assert "pydantic._internal._generate_schema" not in loaded
