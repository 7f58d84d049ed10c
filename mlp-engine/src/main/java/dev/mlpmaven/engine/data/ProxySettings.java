package dev.mlpmaven.engine.data;

import java.util.List;

/**
 * An HTTP proxy for downloads (the plugin fills it from the active proxy in Maven's settings.xml).
 *
 * @param host          proxy host
 * @param port          proxy port
 * @param username      user name, or null when the proxy needs no authentication
 * @param password      password, or null
 * @param nonProxyHosts hosts reached directly, Maven/Java syntax: "*.example.com", "localhost"
 *                      (Maven's "|"-separated list should be split before)
 */
public record ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {
    public ProxySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy host: found \"" + host + "\", expected a host name");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port: found " + port + ", expected 1..65535");
        }
        nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    /** Whether {@code host} is to be reached without the proxy. */
    public boolean bypasses(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String pattern : nonProxyHosts) {
            String p = pattern.trim().toLowerCase(java.util.Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("*") ? h.endsWith(p.substring(1)) : p.endsWith("*") ? h.startsWith(p.substring(0, p.length() - 1)) : h.equals(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username != null ? ", user " + username : "") + ", nonProxyHosts "
                + nonProxyHosts + "]"; // never the password
    }
}
