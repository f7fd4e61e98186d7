package io.lodestone.spark;

import io.lodestone.api.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one listed fact-set file whole on an executor ({@link Schemas#INPUT}). A file over the size limit
 * is not read, and a file that cannot be read becomes a row that {@link FactSetEvaluator} turns into an
 * error, as the CLI reports it.
 */
final class FileReader implements Function<String, Row> {
    private static final long serialVersionUID = 1L;
    private final HadoopConf conf;
    private final long maxFileBytes;

    FileReader(Configuration conf, long maxFileBytes) {
        this.conf = new HadoopConf(conf);
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public Row call(String file) {
        Path path = new Path(file);
        try {
            FileSystem fs = path.getFileSystem(conf.value());
            long size = fs.getFileStatus(path).getLen();
            if (size > maxFileBytes) {
                return RowFactory.create(file, null, null, Diagnostic.Kind.LIMIT.label(), "file is " + size
                        + " bytes, over the limit of " + maxFileBytes + " (raise it with --max-file-bytes)");
            }
            try (InputStream in = fs.open(path)) {
                return RowFactory.create(file, in.readAllBytes(), null, null, null);
            }
        } catch (java.io.FileNotFoundException e) {
            return RowFactory.create(file, null, null, Diagnostic.Kind.IO.label(), "file not found");
        } catch (IOException e) {
            return RowFactory.create(file, null, null, Diagnostic.Kind.IO.label(), "cannot read: " + e.getMessage());
        }
    }

    /** A Hadoop configuration that travels to executors (Configuration is Writable, not Serializable). */
    static final class HadoopConf implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Configuration value;

        HadoopConf(Configuration value) {
            this.value = value;
        }

        Configuration value() {
            return value;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            value.write(out);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            value = new Configuration(false);
            value.readFields(in);
        }
    }
}
