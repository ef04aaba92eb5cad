# Shared by .ci/run, .ci/test and .ci/start: the venv and the project installed in it.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ISV_VENV:-$ROOT/.venv}"

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

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
    touch "$stamp"
  fi
}
