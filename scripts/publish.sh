#!/usr/bin/env bash
# Publish the kolla CLI as one native executable (NativeAOT, linux-x64; needs clang and zlib1g-dev, as for kolla_start).
# It needs no .NET runtime on the deploy machine and starts in tens of milliseconds instead of a few hundred: a
# no-op `kolla deploy` over SSH is mostly start-up and JIT otherwise (see docs/benchmarks.md).
#
#   ./scripts/publish.sh [OUTPUT_DIR]      (default: artifacts/kolla-native/linux-x64; the binary is OUTPUT_DIR/kolla)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$repo/artifacts/kolla-native/linux-x64}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish "$repo/src/Kolla.Cli/Kolla.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v quiet -clp:NoSummary
rm -f "$out"/*.pdb "$out"/*.xml "$out"/*.dbg
echo "publish.sh: $out/kolla ($(du -h "$out/kolla" | cut -f1))"
