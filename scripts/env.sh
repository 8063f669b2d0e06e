# Sourced by serve.sh, test.sh and .ci/run: create .venv with the pinned dependencies, then activate it.
# Set VLM_PYTHON to choose the interpreter (Python 3.11 or newer).
python=${VLM_PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml | cksum | cut -d' ' -f1)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  rm -f .venv/.installed-* && touch "$stamp"
fi
. .venv/bin/activate
# Material and the MkDocs plugins print banners about MkDocs 2.0 on every build; they hide real warnings.
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
