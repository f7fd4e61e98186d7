package io.lodestone.engine;

import io.lodestone.api.Finding;
import io.lodestone.api.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.internal.builder.KnowledgeBuilder;

/**
 * Compiled rule bases saved on disk, so a fresh process skips the DRL compile. An entry is keyed by
 * the rules hash (every rule and parameter file's path and content), the Drools version and the
 * bytecode of {@link Finding} (the project class consequences link against), so any change to a rule
 * file, or a different Drools or Lodestone build, misses. It holds the serialized packages plus the
 * bytecode of the classes the compile generated (declared types, functions), which must be defined
 * before the packages can be read back. Best effort: an entry that cannot be read or written is
 * ignored and the rules are compiled as usual.
 *
 * <p>An entry is code that will run, so it is checked before anything in it is loaded: its header
 * names the rules hash it was built from and a SHA-256 of its content, and both must match; the
 * folder must belong to this user and not be writable by group or others, and so must the entry
 * (as ssh treats its keys). A damaged entry is deleted and the rules recompiled, with a warning; a
 * folder or entry that others could have written is not used at all. The newest {@link #MAX_ENTRIES}
 * entries are kept (loading one counts as use); older ones are deleted when an entry is stored.
 */
public final class RuleBaseCache {
    private static final String FORMAT = "lodestone-rulebase-2";
    /** Entries kept in the folder; each is about 0.4 MB for the bundled rules. */
    public static final int MAX_ENTRIES = 16;

    private final Path dir;
    private final java.util.function.Consumer<String> warn;

    /** A cache in {@code dir} that reports problems on stderr. */
    public RuleBaseCache(Path dir) {
        this(dir, message -> {
            System.err.println("lodestone: warning: " + message);
            System.err.flush();
        });
    }

    /** A cache in {@code dir} that reports problems (a damaged or foreign entry, an unsafe folder) to {@code warn}. */
    public RuleBaseCache(Path dir, java.util.function.Consumer<String> warn) {
        this.dir = dir;
        this.warn = warn;
    }

    /** {@code $LODESTONE_RULE_CACHE}, else {@code $XDG_CACHE_HOME/lodestone}, else {@code ~/.cache/lodestone}. */
    public static Path defaultDir() {
        String explicit = System.getenv("LODESTONE_RULE_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lodestone");
    }

    public Path dir() {
        return dir;
    }

    /** The file an entry for these rules lives in. */
    public Path entry(String rulesHash) {
        return dir.resolve("rulebase-"
                + digest(FORMAT + "\n" + rulesHash + "\n" + droolsVersion() + "\n" + digest(classBytes(Finding.class)))
                        .substring(0, 32)
                + ".bin");
    }

    /** The cached rule base for these rules, or null when there is none (or it cannot be trusted or read). */
    public KieBase load(String rulesHash) {
        Path file = entry(rulesHash);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String unsafe = unsafe(dir);
        if (unsafe == null) {
            unsafe = unsafe(file);
        }
        if (unsafe != null) {
            warn.accept("rule cache not used: " + unsafe + "; compiled rules are code, so the cache must be "
                    + "writable only by you (or use --no-rule-cache)");
            return null;
        }
        byte[] payload;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream data = new DataInputStream(in);
            if (!FORMAT.equals(data.readUTF())) {
                return discard(file, null); // an older format: replaced quietly
            }
            if (!rulesHash.equals(data.readUTF())) {
                return discard(file, "was built from other rules");
            }
            String checksum = data.readUTF();
            long length = data.readLong();
            if (length < 0 || length > Files.size(file)) {
                return discard(file, "is truncated");
            }
            payload = data.readNBytes((int) length);
            if (payload.length != length || !checksum.equals(digest(payload))) {
                return discard(file, "does not match its checksum");
            }
        } catch (IOException | RuntimeException e) {
            return discard(file, "cannot be read (" + e + ")");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(payload)) {
            DataInputStream data = new DataInputStream(in);
            int count = data.readInt();
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                byte[] bytes = new byte[data.readInt()];
                data.readFully(bytes);
                classes.put(name, bytes);
            }
            ProjectClassLoader loader =
                    ProjectClassLoader.createProjectClassLoader(RuleBaseCache.class.getClassLoader(), classes);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) new DroolsObjectInputStream(in, loader).readObject();
            // deprecated, but the only public way to hand the configuration the loader of the cached classes
            @SuppressWarnings("deprecation")
            KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration(null, loader);
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(configuration);
            kieBase.addPackages(packages.stream()
                    .map(p -> (org.drools.base.definitions.InternalKnowledgePackage) p)
                    .toList());
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return discard(file, "cannot be loaded (" + e + ")");
        }
    }

    /** Deletes a bad entry (the next compile writes a good one); {@code why} null means no warning. */
    private KieBase discard(Path file, String why) {
        if (why != null) {
            warn.accept("rule cache entry " + file + " " + why + "; deleted, compiling the rules instead");
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the cache is an optimisation; a stale file only costs a compile
        }
        return null;
    }

    /**
     * Why {@code path} may hold code someone else wrote: not owned by this user, or writable by group
     * or others; null when it is safe. Non-POSIX file systems are trusted as the OS lets them be.
     */
    static String unsafe(Path path) {
        try {
            java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(
                    path,
                    java.nio.file.attribute.PosixFileAttributeView.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return null;
            }
            java.nio.file.attribute.PosixFileAttributes attrs = view.readAttributes();
            String me = System.getProperty("user.name");
            if (!attrs.owner().getName().equals(me)) {
                return path + " belongs to " + attrs.owner().getName() + ", not " + me;
            }
            Set<java.nio.file.attribute.PosixFilePermission> perms = attrs.permissions();
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                return path + " is writable by "
                        + (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
                                ? "others"
                                : "its group")
                        + " (" + java.nio.file.attribute.PosixFilePermissions.toString(perms) + ")";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return path + " cannot be checked (" + e.getMessage() + ")";
        }
    }

    /** Saves what {@code builder} compiled for these rules; failures leave the cache unchanged. */
    public void store(String rulesHash, KnowledgeBuilder builder) {
        Path file = entry(rulesHash);
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                createPrivateDirectories(dir);
            }
            String unsafe = unsafe(dir);
            if (unsafe != null) {
                warn.accept("rule cache not written: " + unsafe);
                return;
            }
            tmp = Files.createTempFile(dir, "rulebase-", ".tmp"); // 0600 on POSIX
            Map<String, byte[]> classes =
                    ((ProjectClassLoader) ((KnowledgeBuilderImpl) builder).getRootClassLoader()).getStore();
            Collection<KiePackage> packages = builder.getKnowledgePackages();
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            DataOutputStream body = new DataOutputStream(content);
            body.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                body.writeUTF(c.getKey());
                body.writeInt(c.getValue().length);
                body.write(c.getValue());
            }
            body.flush();
            DroolsObjectOutputStream objects = new DroolsObjectOutputStream(content);
            objects.writeObject(new ArrayList<>(packages));
            objects.flush();
            byte[] payload = content.toByteArray();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                DataOutputStream data = new DataOutputStream(out);
                data.writeUTF(FORMAT);
                data.writeUTF(rulesHash);
                data.writeUTF(digest(payload));
                data.writeLong(payload.length);
                data.write(payload);
                data.flush();
            }
            // readers never see a half-written entry
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // nothing more to do: the entry simply is not cached
            }
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(
                    dir,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Keeps the {@link #MAX_ENTRIES} most recently used entries. */
    private void prune() {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith("rulebase-") && name.endsWith(".bin");
                    })
                    .sorted(java.util.Comparator.comparing(RuleBaseCache::lastUsed)
                            .reversed())
                    .toList();
            for (Path old : entries.subList(Math.min(MAX_ENTRIES, entries.size()), entries.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException ignored) {
            // pruning is housekeeping; the next store tries again
        }
    }

    private static long lastUsed(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String droolsVersion() {
        try (InputStream in = KieBase.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through: the class bytes below still tell builds apart
        }
        return "unknown:" + digest(classBytes(KnowledgeBuilderImpl.class));
    }

    private static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
