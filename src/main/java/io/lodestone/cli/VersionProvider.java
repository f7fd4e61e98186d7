package io.lodestone.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"lodestone " + (v == null ? "(development build)" : v)};
    }
}
