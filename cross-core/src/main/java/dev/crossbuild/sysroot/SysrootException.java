package dev.crossbuild.sysroot;

import dev.crossbuild.error.CrossException;

/**
 * A private sysroot could not be provided: an unknown package, no Debian architecture for the machine, a build machine
 * without apt, an offline build with a cold cache, an archive that cannot be reached or verified. {@link #value()}
 * names the packages (or the offending source entry).
 */
public final class SysrootException extends CrossException {

    private static final long serialVersionUID = 1L;

    public SysrootException(String message, String value, String remedy) {
        super(message, value, remedy);
    }

    public SysrootException(String message, String value, String remedy, Throwable cause) {
        super(message, value, remedy, cause);
    }
}
