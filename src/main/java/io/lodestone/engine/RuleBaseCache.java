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
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
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
 */
public final class RuleBaseCache {
    private static final String FORMAT = "lodestone-rulebase-1";
    private final Path dir;

    public RuleBaseCache(Path dir) {
        this.dir = dir;
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
        return dir.resolve("rulebase-" + digest(FORMAT + "\n" + rulesHash + "\n" + droolsVersion() + "\n"
                + digest(classBytes(Finding.class))).substring(0, 32) + ".bin");
    }

    /** The cached rule base for these rules, or null when there is none (or it cannot be read). */
    public KieBase load(String rulesHash) {
        Path file = entry(rulesHash);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream data = new DataInputStream(in);
            if (!FORMAT.equals(data.readUTF()) || !rulesHash.equals(data.readUTF())) {
                return null;
            }
            int count = data.readInt();
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                byte[] bytes = new byte[data.readInt()];
                data.readFully(bytes);
                classes.put(name, bytes);
            }
            ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(
                    RuleBaseCache.class.getClassLoader(), classes);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) new DroolsObjectInputStream(in, loader).readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                    KieServices.get().newKieBaseConfiguration(null, loader));
            kieBase.addPackages(packages.stream().map(p -> (org.drools.base.definitions.InternalKnowledgePackage) p)
                    .toList());
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            try {
                Files.deleteIfExists(file); // unreadable: the next run writes a good one
            } catch (IOException ignored) {
                // the cache is an optimisation; a stale file only costs a compile
            }
            return null;
        }
    }

    /** Saves what {@code builder} compiled for these rules; failures leave the cache unchanged. */
    public void store(String rulesHash, KnowledgeBuilder builder) {
        Path file = entry(rulesHash);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "rulebase-", ".tmp");
            Map<String, byte[]> classes = ((ProjectClassLoader) ((KnowledgeBuilderImpl) builder).getRootClassLoader())
                    .getStore();
            Collection<KiePackage> packages = builder.getKnowledgePackages();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                DataOutputStream data = new DataOutputStream(out);
                data.writeUTF(FORMAT);
                data.writeUTF(rulesHash);
                data.writeInt(classes.size());
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    data.writeUTF(c.getKey());
                    data.writeInt(c.getValue().length);
                    data.write(c.getValue());
                }
                data.flush();
                DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out);
                objects.writeObject(new ArrayList<>(packages));
                objects.flush();
            }
            // readers never see a half-written entry
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    private static String droolsVersion() {
        try (InputStream in = KieBase.class.getClassLoader()
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
