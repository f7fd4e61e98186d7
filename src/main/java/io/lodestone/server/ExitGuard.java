package io.lodestone.server;

import java.security.Permission;

/**
 * Keeps rule code from ending the server with {@code System.exit} or {@code Runtime.halt}: on JDK 17 a
 * SecurityManager may still be installed at run time (deprecated by JEP 411; the JVM prints a warning),
 * and this one refuses only the exit permission, unless the exit comes from {@code Main}. It checks
 * nothing else, so it costs a virtual call per permission check and is no sandbox. SIGTERM still stops
 * the server (the JVM's signal handler does not ask the SecurityManager). From JDK 18 installing one is
 * refused by default and {@link #install()} returns false.
 */
@SuppressWarnings("removal") // JDK 17's only way to refuse System.exit; see install()
final class ExitGuard extends SecurityManager {
    private static final String MAIN = "io.lodestone.cli.Main";

    private ExitGuard() {}

    /**
     * Installs the guard once for the process.
     *
     * @return whether System.exit from rule code is now refused
     */
    @SuppressWarnings({"removal", "deprecation"})
    static synchronized boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed, as without a SecurityManager
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed, as without a SecurityManager
    }

    @Override
    public void checkExit(int status) {
        boolean fromMain = StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(
                        f -> f.getClassName().equals(MAIN) && f.getMethodName().equals("main")));
        if (!fromMain) {
            throw new SecurityException("System.exit(" + status + ") is not allowed here: only the lodestone command "
                    + "ends the process");
        }
    }
}
