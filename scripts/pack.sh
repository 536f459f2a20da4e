#!/usr/bin/env bash
# Make every NuGet package of the project: the libraries (Kolla.Core, Kolla.Docker, Kolla.Ssh, with symbols) and the
# `kolla` .NET tool as .NET 10 RID-specific tool packages:
#   Kolla.Cli             the package users name (`dotnet tool install -g Kolla.Cli`); it points to the two below
#   Kolla.Cli.linux-x64   the NativeAOT binary (needs clang and zlib1g-dev to build), chosen on linux-x64
#   Kolla.Cli.any         framework-dependent kolla.dll, chosen on every other platform (needs the .NET 10 runtime)
#
#   ./scripts/pack.sh [OUTPUT_DIR]      (default: artifacts/packages)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$repo/artifacts/packages}
artifacts=${PACK_ARTIFACTS:-$repo/artifacts/pack}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
common=(-c Release -o "$out" --artifacts-path "$artifacts" -nologo -v quiet -clp:NoSummary -nodeReuse:false -p:UseSharedCompilation=false)

for library in Kolla.Core Kolla.Docker Kolla.Ssh; do
    dotnet pack "$repo/src/$library/$library.csproj" "${common[@]}"
done
cli="$repo/src/Kolla.Cli/Kolla.Cli.csproj"
dotnet pack "$cli" "${common[@]}"
dotnet pack "$cli" -r linux-x64 "${common[@]}"
dotnet pack "$cli" -r any -p:PublishAot=false "${common[@]}"
echo "pack.sh: $(cd "$out" && ls -- *.nupkg | tr '\n' ' ')"
