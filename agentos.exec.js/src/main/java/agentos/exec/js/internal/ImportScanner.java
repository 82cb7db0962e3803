package agentos.exec.js.internal;

import java.util.Set;

/**
 * Finds the module specifiers of a JavaScript source: the string after {@code from} in import/export declarations,
 * the string of {@code import 'x'}, and every {@code import(} call — skipping comments, strings, template
 * literals and regular expressions. A lexer, not a parser: it decides regex-vs-division from the previous token as
 * parsers do. Written in Java because the runtime rewrites multi-megabyte bundles (Claude's cli.js is 13.7 MB).
 */
final class ImportScanner {
    private static final Set<String> REGEX_BEFORE = Set.of("(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+",
            "-", "*", "%", "<", ">", "~", "^", "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
            "throw", "instanceof", "yield", "await", "=>", "&&", "||", "??", "");
    private static final String[] THREE = {"===", "!==", "...", ">>>", "**=", "&&=", "||=", "??="};
    private static final String[] TWO = {"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
            "**", "<<", ">>"};

    /** Kinds in the result. */
    static final int STATIC = 0;
    static final int DYNAMIC = 1;

    private final String src;
    private final int n;
    private int i;
    private String prev = "";
    private final java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    /** Open `${` of templates: the brace depth inside each. */
    private final java.util.ArrayDeque<int[]> templates = new java.util.ArrayDeque<>();

    private ImportScanner(String src) {
        this.src = src;
        this.n = src.length();
    }

    /**
     * Returns [start, end, kind]*: for STATIC the specifier's characters (inside the quotes), for DYNAMIC the
     * {@code import(} text itself. With {@code staticToo} false only dynamic imports are reported (CommonJS).
     */
    static int[] scan(String src, boolean staticToo) {
        ImportScanner s = new ImportScanner(src);
        s.run(staticToo);
        int[] r = new int[s.out.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = s.out.get(k);
        }
        return r;
    }

    private static boolean isId(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private void skipString(char q) {
        i++;
        while (i < n && src.charAt(i) != q) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\n') {
                break;
            }
            i++;
        }
        i++;
    }

    private void skipWs() {
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int e = src.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else {
                return;
            }
        }
    }

    /** Scans template text from i (just after ` or a closing }) to its end or to the next `${`. */
    private void templateText() {
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                i++;
                return;
            }
            if (c == '$' && i + 1 < n && src.charAt(i + 1) == '{') {
                i += 2;
                templates.push(new int[] {0});
                return;
            }
            i++;
        }
    }

    private void run(boolean staticToo) {
        while (i < n) {
            skipWs();
            if (i >= n) {
                break;
            }
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                skipString(c);
                prev = "str";
                continue;
            }
            if (c == '`') {
                i++;
                templateText();
                prev = "tmpl";
                continue;
            }
            if (c == '{') {
                if (!templates.isEmpty()) {
                    templates.peek()[0]++;
                }
                i++;
                prev = "{";
                continue;
            }
            if (c == '}') {
                if (!templates.isEmpty() && templates.peek()[0] == 0) {
                    templates.pop();
                    i++;
                    templateText();
                    prev = "tmpl";
                    continue;
                }
                if (!templates.isEmpty()) {
                    templates.peek()[0]--;
                }
                i++;
                prev = "}";
                continue;
            }
            if (c == '/') {
                if (REGEX_BEFORE.contains(prev)) {
                    i++;
                    boolean inClass = false;
                    while (i < n && src.charAt(i) != '\n') {
                        char r = src.charAt(i);
                        if (r == '\\') {
                            i += 2;
                            continue;
                        }
                        if (r == '[') {
                            inClass = true;
                        } else if (r == ']') {
                            inClass = false;
                        } else if (r == '/' && !inClass) {
                            i++;
                            break;
                        }
                        i++;
                    }
                    while (i < n && isId(src.charAt(i))) {
                        i++;
                    }
                    prev = "regex";
                    continue;
                }
                i++;
                prev = "/";
                continue;
            }
            if (isId(c)) {
                int start = i;
                while (i < n && isId(src.charAt(i))) {
                    i++;
                }
                String word = src.substring(start, i);
                boolean afterDot = prev.equals(".") || prev.equals("?.");
                if (word.equals("import") && !afterDot) {
                    int save = i;
                    skipWs();
                    if (i < n && src.charAt(i) == '(') {
                        if (METHOD_PREFIX.contains(prev) || isMethodDefinition(i)) {
                            i = save; // `import(…) {…}` and `async import(…)` are methods named import
                            prev = word;
                            continue;
                        }
                        add(start, i + 1, DYNAMIC);
                        i++;
                        prev = "(";
                        continue;
                    }
                    if (i < n && src.charAt(i) == '.') {
                        i = save;
                        prev = word;
                        continue;
                    }
                    if (staticToo) {
                        if (i < n && (src.charAt(i) == '"' || src.charAt(i) == '\'')) {
                            int s = i;
                            skipString(src.charAt(s));
                            add(s + 1, i - 1, STATIC);
                            prev = "str";
                            continue;
                        }
                        findFrom(save);
                        continue;
                    }
                    i = save;
                    prev = word;
                    continue;
                }
                if (word.equals("export") && staticToo && !afterDot) {
                    int save = i;
                    skipWs();
                    if (i < n && (src.charAt(i) == '*' || src.charAt(i) == '{')) {
                        findFrom(save);
                        continue;
                    }
                    i = save;
                }
                prev = word;
                continue;
            }
            String p = punctuator();
            i += p.length();
            prev = p;
        }
    }

    private static final Set<String> METHOD_PREFIX = Set.of("async", "get", "set", "static", "*");

    /** Whether the parenthesised list at {@code open} is followed by a body, i.e. a method definition. */
    private boolean isMethodDefinition(int open) {
        int depth = 0;
        int k = open;
        while (k < n) {
            char c = src.charAt(k);
            if (c == '"' || c == '\'' || c == '`') {
                char q = c;
                k++;
                while (k < n && src.charAt(k) != q) {
                    if (src.charAt(k) == '\\') {
                        k++;
                    }
                    k++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    k++;
                    while (k < n && Character.isWhitespace(src.charAt(k))) {
                        k++;
                    }
                    return k < n && src.charAt(k) == '{';
                }
            }
            k++;
        }
        return false;
    }

    private String punctuator() {
        for (String t : THREE) {
            if (src.startsWith(t, i)) {
                return t;
            }
        }
        for (String t : TWO) {
            if (src.startsWith(t, i)) {
                return t;
            }
        }
        return String.valueOf(src.charAt(i));
    }

    private void add(int start, int end, int kind) {
        out.add(start);
        out.add(end);
        out.add(kind);
    }

    /** From just after import/export: the specifier after the next top-level `from`, unless the statement ends. */
    private void findFrom(int from) {
        i = from;
        int depth = 0;
        while (i < n) {
            skipWs();
            if (i >= n) {
                return;
            }
            char ch = src.charAt(i);
            if (ch == '{') {
                depth++;
                i++;
                continue;
            }
            if (ch == '}') {
                depth--;
                i++;
                continue;
            }
            if (ch == ';' || ch == '=' || (depth == 0 && ch == '(')) {
                prev = String.valueOf(ch);
                i++;
                return;
            }
            if (ch == '"' || ch == '\'') {
                skipString(ch);
                continue;
            }
            if (isId(ch)) {
                int s = i;
                while (i < n && isId(src.charAt(i))) {
                    i++;
                }
                if (depth == 0 && src.startsWith("from", s) && i - s == 4) {
                    skipWs();
                    if (i < n && (src.charAt(i) == '"' || src.charAt(i) == '\'')) {
                        int q = i;
                        skipString(src.charAt(q));
                        add(q + 1, i - 1, STATIC);
                        prev = "str";
                        return;
                    }
                }
                continue;
            }
            i++;
        }
    }
}
