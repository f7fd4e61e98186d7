package io.lodestone.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a rules folder (recursively) and reloads {@link LiveRules} when files under it change.
 * Changes are debounced: an editor's save, or a copy of several files, triggers one reload once the
 * folder has been quiet for the debounce period. Compiling happens on the watcher's own thread, so
 * requests keep being answered with the previous rules meanwhile.
 */
public final class RulesWatcher implements AutoCloseable {
    /** Default quiet period before a reload. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(250);

    private final Path root;
    private final LiveRules rules;
    private final Duration debounce;
    private final PrintWriter log;
    private final WatchService watchService;
    private final Thread thread;
    private final WatchKey parentKey;

    private RulesWatcher(Path root, LiveRules rules, Duration debounce, PrintWriter log) throws IOException {
        this.root = root;
        this.rules = rules;
        this.debounce = debounce;
        this.log = log;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(root);
        // a deleted and recreated folder is a new inode with no watch: the parent sees it come back
        Path parent = root.toAbsolutePath().normalize().getParent();
        this.parentKey = parent != null && Files.isDirectory(parent)
                ? parent.register(watchService, ENTRY_CREATE, ENTRY_MODIFY)
                : null;
        this.thread = new Thread(this::run, "lodestone-rules-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @param root     the rules folder
     * @param rules    reloaded after each burst of changes
     * @param debounce quiet period before reloading
     * @param log      where watch problems are reported
     * @return the running watcher; close it to stop
     * @throws IOException when the folder cannot be watched
     */
    public static RulesWatcher start(Path root, LiveRules rules, Duration debounce, PrintWriter log)
            throws IOException {
        RulesWatcher w = new RulesWatcher(root, rules, debounce, log);
        w.thread.start();
        return w;
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                d.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void run() {
        while (true) {
            try {
                WatchKey key = watchService.take();
                boolean relevant = handle(key);
                // debounce: keep collecting until the folder is quiet
                WatchKey more;
                while ((more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
                if (relevant) {
                    rules.reload();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return; // closed: stop watching
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
                // whatever one reload throws, later edits must still be picked up
                log.println("lodestone: error while watching " + root + " (still watching): " + e);
                log.flush();
            }
        }
    }

    /** Registers new folders; true when the events concern the rules (not the parent's other entries). */
    private boolean handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean relevant = key != parentKey;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) {
                relevant = true; // OVERFLOW: events were lost, reload to be safe
                continue;
            }
            if (key == parentKey) {
                if (name.equals(root.toAbsolutePath().normalize().getFileName())) {
                    relevant = true;
                    register(root); // the rules folder came back
                }
                continue;
            }
            if (event.kind() == ENTRY_CREATE) {
                register(dir.resolve(name)); // a new subfolder is watched too
            }
        }
        key.reset();
        return relevant;
    }

    private void register(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            log.println("lodestone: cannot watch " + dir + ": " + e.getMessage());
            log.flush();
        }
    }

    /** The folder being watched. */
    public Path root() {
        return root;
    }

    /** Stops watching; a reload in progress finishes in the background. */
    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            // nothing useful to do when closing fails
        }
    }
}
