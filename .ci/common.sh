# Shared by .ci/run, .ci/test and .ci/start: the venv and the project installed in it.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ISV_VENV:-$ROOT/.venv}"
# The venv's interpreter: bin/ on Linux and macOS, Scripts/ on Windows.
if [ -d "$VENV/Scripts" ]; then VENV_PY="$VENV/Scripts/python"; else VENV_PY="$VENV/bin/python"; fi

# packages [test]: the runtime list, or runtime + test list
packages() {
  local files=("$ROOT/.ci/system-packages")
  [ "${1:-}" = "test" ] && files+=("$ROOT/.ci/system-packages-test")
  cat "${files[@]}" | grep -v '^\s*#' | grep -v '^\s*$' | tr '\n' ' '
}

missing_packages() {
  local missing=()
  for pkg in $(packages "${1:-}"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[*]:-}"
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing
  missing="$(missing_packages "${1:-}")"
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "Ontbrekende systeempakketten / missing system packages. Run:" >&2
      echo "  sudo apt-get install -y $missing" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -q
  # shellcheck disable=SC2086
  $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing
}

# The machine's Python, to make the venv with: "python" on Windows, else "python3".
host_python() {
  case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) python "$@" ;;
    *) python3 "$@" ;;
  esac
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ] && [ ! -x "$VENV/Scripts/python" ]; then
    host_python -m venv "$VENV"
    if [ -d "$VENV/Scripts" ]; then VENV_PY="$VENV/Scripts/python"; else VENV_PY="$VENV/bin/python"; fi
  fi
  local digest
  digest="$( (sha256sum 2>/dev/null || shasum -a 256) <"$ROOT/pyproject.toml" | cut -c1-16)"
  local stamp="$VENV/.installed-$digest"
  if [ ! -f "$stamp" ]; then
    "$VENV_PY" -m pip install -q --upgrade pip
    "$VENV_PY" -m pip install -q -e "$ROOT[test]"
    touch "$stamp"
  fi
}

# PyInstaller, for .ci/bundle only (the optional group "bundle"; the test venv stays lean).
ensure_bundle_tools() {
  "$VENV_PY" -c "import PyInstaller" 2>/dev/null || "$VENV_PY" -m pip install -q -e "$ROOT[bundle]"
}
