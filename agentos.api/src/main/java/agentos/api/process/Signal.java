package agentos.api.process;

/** Signals a VM process can receive, with Linux numbers (a process killed by signal n exits with status 128+n). */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGKILL(9), SIGUSR1(10), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15),
    SIGCHLD(17), SIGCONT(18), SIGSTOP(19), SIGTSTP(20), SIGWINCH(28);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Parses {@code TERM}, {@code SIGTERM} or {@code 15}. */
    public static Signal parse(String s) {
        String t = s.trim().toUpperCase(java.util.Locale.ROOT);
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            int n = Integer.parseInt(t);
            for (Signal sig : values()) {
                if (sig.number == n) {
                    return sig;
                }
            }
        } else {
            String name = t.startsWith("SIG") ? t : "SIG" + t;
            for (Signal sig : values()) {
                if (sig.name().equals(name)) {
                    return sig;
                }
            }
        }
        throw new IllegalArgumentException("unknown signal '" + s + "'; use a name like TERM or KILL, or a number");
    }
}
