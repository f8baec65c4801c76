#!/usr/bin/env bash
# Installs the Debian packages the platform and its tests need, and only those that are missing.
# Safe to run repeatedly. Needs root, or sudo without a password prompt.
set -euo pipefail

packages=(
  postgresql        # the platform's database (a private cluster is created under .data/)
  chromium          # end-to-end tests drive Debian's Chromium through Playwright
  fonts-dejavu-core # readable text in Chromium screenshots
  g++ binutils patchelf # build/patch-libtorchsharp.sh: TorchSharp on Debian 12's libstdc++
  python3 python3-nibabel python3-scipy # interoperability tests against nibabel and scipy
)
# The WebUI build installs the NiiVue image viewer with npm (WebUI/Platform.WebUI/NiiVue.targets). A Node.js
# installed some other way (it often ships its own npm) is used as it is: Debian's npm would conflict with it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Prerequisites: all installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Prerequisites: installed."
