#!/usr/bin/env bash
# The two set-up commands of the README:
#   ./run.sh demo   the main job on the built-in bank
#   ./run.sh test   the default (fast) test suite; extra arguments go to pytest
# Each one installs what is missing first: Debian packages (as root, or names
# the apt-get command otherwise), then .venv with the package and its extras.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: headless GL (EGL + Mesa llvmpipe), the built-in evaluation set
# (Fashion-MNIST) and a Python that can make a venv.
SYSTEM_PACKAGES=(libegl1 libegl-mesa0 libgl1-mesa-dri dataset-fashion-mnist)
VENV=.venv
STAMP="$VENV/.installed"

missing_packages() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s\n' "$pkg"
    fi
  done
}

install_system_packages() {
  local wanted=("${SYSTEM_PACKAGES[@]}")
  command -v python3 >/dev/null 2>&1 || wanted+=(python3)
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || wanted+=(python3-venv)
  command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian: trust the machine
  local missing
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: missing system packages; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "run.sh: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_venv() {
  # Reinstall when pyproject.toml or the tested versions changed since the last install.
  local want
  want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
  if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
    return 0
  fi
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  echo "run.sh: installing shaderbank into $VENV (torch is large: a few minutes the first time)" >&2
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null
  # pyproject.toml declares ranges; constraints.txt pins the versions the tests ran with.
  "$VENV/bin/python" -m pip install --quiet -e ".[dev]" -c constraints.txt
  echo "$want" >"$STAMP"
}

cmd=${1:-}
shift || true
case "$cmd" in
  demo)
    install_system_packages
    install_venv
    # A contact sheet of the bank, then pretraining and evaluation on real images.
    "$VENV/bin/shaderbank" demo --out out/demo
    exec "$VENV/bin/pretrain" demo --out out/demo "$@"
    ;;
  test)
    install_system_packages
    install_venv
    # pytest exits 5 when it collected nothing; that is a failure here too.
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./run.sh demo|test [args...]" >&2
    exit 2
    ;;
esac
