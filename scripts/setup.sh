#!/usr/bin/env bash
# Installs everything the portal needs into this checkout: a virtual environment with
# the pinned Python packages (.venv/), the pinned npm packages (node_modules/) and
# Debian's chromium for the browser tests (left out with IKU_SETUP_BROWSER=0). Safe to
# run again; it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv 2>/dev/null || { apt_install python3-venv && "$python" -m venv .venv; }
fi
# Reinstall only when the pins change: pyproject.toml is the one place they live.
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[test]'
  rm -f .venv/.installed-* && touch "$stamp"
fi

command -v npm >/dev/null 2>&1 || apt_install nodejs npm
lock_stamp=node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f "$lock_stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$lock_stamp"
fi

# Browser tests drive Debian's chromium through Playwright; Playwright never downloads a browser here.
# IKU_SETUP_BROWSER=0 leaves the browser and its fonts out where nothing is tested (the Pages
# workflow only builds). The fonts the tests lay text out with are pinned in scripts/browser-packages.txt.
if [ "${IKU_SETUP_BROWSER:-1}" != 0 ]; then
  pinned=$(grep -v '^#' scripts/browser-packages.txt | xargs)
  missing=()
  for package in $pinned; do
    [ "$(dpkg-query -W -f='${Version}' "${package%%=*}" 2>/dev/null)" = "${package#*=}" ] || missing+=("$package")
  done
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install --allow-downgrades "${missing[@]}"
  fi
fi
