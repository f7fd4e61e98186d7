package io.lodestone.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the one place rule hashes, cache entries and SARIF fingerprints digest. */
public final class Sha256 {
    private Sha256() {}

    /**
     * A fresh digest, for hashing several pieces in turn.
     *
     * @return a new SHA-256 {@link MessageDigest}
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Finishes a digest.
     *
     * @param digest a digest from {@link #newDigest()}, fed
     * @return its value as 64 lower-case hex digits
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes.
     *
     * @param bytes what to hash
     * @return the SHA-256 of {@code bytes} as 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }
}
