# Sourced by ./build, ./agentos and .ci/run: sets AGENTOS_JAVA_HOME to a JDK >= 21 or fails with a clear message.
# Order: JAVA_HOME, then `java` on PATH, then the usual install locations (newest first).

agentos_java_major() {
  # Prints the feature version of the java binary $1 (e.g. 25), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version =/ {print $2; exit}' | sed 's/^1\.//'
}

agentos_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$c")
  fi
  for c in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(agentos_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      AGENTOS_JAVA_HOME=$c
      return 0
    fi
  done
  echo "agentos: no JDK 21 or newer found (GraalJS 25 needs one)." >&2
  [ -n "${JAVA_HOME:-}" ] && echo "  JAVA_HOME=$JAVA_HOME is Java $(agentos_java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo '?')." >&2
  echo "  Install a JDK >= 21 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

# JDK 24+ warns about sun.misc.Unsafe use (Maven's guava, Felix) unless told it is allowed; older JDKs reject the flag.
agentos_unsafe_flag() {
  [ "$(agentos_java_major "$1/bin/java")" -ge 24 ] && echo "--sun-misc-unsafe-memory-access=allow"
  return 0
}
