package agentos.kernel.internal;

import java.util.regex.Pattern;

/** Permission globs: {@code *} within one path segment, {@code **} across segments, {@code ?} one non-'/' char. */
final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    static Glob compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    // "/**/" also matches "/", so "/a/**/b" matches "/a/b".
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    boolean matches(String s) {
        return pattern.matcher(s).matches();
    }
}
