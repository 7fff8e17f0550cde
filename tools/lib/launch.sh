# Shared by the Java launchers (tools/testpmd, tools/dumpcap, tools/kni); source it, then call
#   launch MODULE MAIN_CLASS GC_FLAG LOG_NAME "$@"
# Builds MODULE and the modules it runs with when needed (a reactor build: nothing is installed into ~/.m2), caches
# the run-time class path in tools/.cache/MODULE.classpath and execs java. $<MODULE>_JVM_OPTS (upper case, '-' as
# '_', e.g. KNI_APP_JVM_OPTS) adds JVM options.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/tools/.cache"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Stale when any module's main sources or any pom changed since the class path was cached (the application runs with
# the classes of every module it depends on, so a change in, say, pmd-igb must rebuild too), or when an entry of the
# cached class path is gone (mvn clean).
launch_stale() {
  local module="$1" cp_file="$2"
  [[ ! -f "$cp_file" || ! -d "$ROOT/$module/target/classes" ]] && return 0
  local e
  local -a entries
  IFS=: read -r -a entries < "$cp_file"
  for e in "${entries[@]}"; do
    [[ -e "$e" ]] || return 0
  done
  local srcs=("$ROOT/pom.xml") m
  for m in "$ROOT"/*/pom.xml; do
    srcs+=("$m")
    [[ -d "$(dirname "$m")/src/main" ]] && srcs+=("$(dirname "$m")/src/main")
  done
  [[ -n "$(find "${srcs[@]}" -newer "$cp_file" -print -quit 2>/dev/null)" ]]
}

launch() {
  local module="$1" main="$2" gc="$3" log="$CACHE/$4"
  shift 4
  local cp_file="$CACHE/$module.classpath"
  mkdir -p "$CACHE"
  if launch_stale "$module" "$cp_file"; then
    echo "$module: building (log: tools/.cache/$(basename "$log"))..." >&2
    # offline first (the usual case here), then online for a fresh machine; one reactor build compiles the module and
    # every module it depends on (test-compile: a module may need a sibling's test classes, e.g. kernel needs sys's)
    # and writes its run-time class path (sibling target/classes, then the jars)
    local goals=(-pl "$module" -am test-compile dependency:build-classpath -DincludeScope=runtime
      -Dmdep.outputFile=target/runtime.classpath)
    if ! { (cd "$ROOT" && mvn -q -o "${goals[@]}") >"$log" 2>&1 || (cd "$ROOT" && mvn -q "${goals[@]}") >"$log" 2>&1; }; then
      echo "$module: build failed, see $log" >&2; exit 1
    fi
    cp "$ROOT/$module/target/runtime.classpath" "$cp_file.tmp"
    mv "$cp_file.tmp" "$cp_file"
  fi
  local opts_var
  opts_var="$(echo "$module" | tr 'a-z-' 'A-Z_')_JVM_OPTS"
  local cp="$ROOT/$module/target/classes:$(cat "$cp_file")"
  # shellcheck disable=SC2086
  exec "$JAVA" ${!opts_var:-} --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    "$gc" -cp "$cp" "$main" "$@"
}
