package io.lodestone.server;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rules are code the server runs with its own rights, so, as ssh does for its keys, the server loads
 * them only from a folder that nobody but its user can change: the folder, every folder and file in
 * it, owned by this user and not writable by group or others. See {@code docs/security.md}.
 */
public final class FolderTrust {
    private FolderTrust() {}

    /**
     * Refuses a rules folder that others could have written.
     *
     * @param rulesDir the rules folder
     * @throws RulesException listing each path that is not safe (an {@code io} error with its reason)
     */
    public static void requireSafe(Path rulesDir) throws RulesException {
        if (!Files.isDirectory(rulesDir)) {
            return; // the compile reports a missing folder
        }
        List<Diagnostic> errors = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            walk.forEach(p -> {
                String why = unsafe(p);
                if (why != null) {
                    errors.add(Diagnostic.io(
                            p.toString(),
                            "refusing to load rules: " + why + "; rules are code the server runs, so only its user "
                                    + "may be able to change them (chmod go-w, or chown)"));
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            errors.add(Diagnostic.io(rulesDir.toString(), "cannot check the rules folder: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
    }

    /** Why {@code path} is not safe (another owner, or group/other write), or null. */
    static String unsafe(Path path) {
        try {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return null; // not POSIX: the OS's own access control is all there is
            }
            PosixFileAttributes attrs = view.readAttributes();
            if (attrs.isSymbolicLink()) {
                return null; // the target is what is read, and it is checked where it lies in the walk, if inside
            }
            String me = System.getProperty("user.name");
            if (!attrs.owner().getName().equals(me)) {
                return "it belongs to " + attrs.owner().getName() + ", not " + me;
            }
            Set<PosixFilePermission> perms = attrs.permissions();
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "it is writable by "
                        + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "others" : "its group") + " ("
                        + PosixFilePermissions.toString(perms) + ")";
            }
            return null;
        } catch (IOException e) {
            return "it cannot be checked (" + e.getMessage() + ")";
        }
    }
}
