package io.leeward.loaders.flows;

/** What kind of address a flow end is, read from its text without parsing it into an object. */
final class Addresses {
    private Addresses() {}

    /**
     * Whether {@code ip} is not routed on the public internet: RFC 1918, shared address space
     * (100.64.0.0/10), loopback, link-local, and IPv6 unique-local (fc00::/7), link-local and loopback.
     */
    static boolean isPrivate(String ip) {
        if (ip.indexOf(':') >= 0) {
            return isPrivate6(ip);
        }
        int first = octet(ip, 0);
        int dot = ip.indexOf('.');
        int second = dot < 0 ? -1 : octet(ip, dot + 1);
        return first == 10
                || first == 127
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 169 && second == 254)
                || (first == 100 && second >= 64 && second <= 127);
    }

    private static boolean isPrivate6(String ip) {
        if (ip.equals("::1")) {
            return true;
        }
        char a = Character.toLowerCase(ip.charAt(0));
        char b = ip.length() > 1 ? Character.toLowerCase(ip.charAt(1)) : ' ';
        char c = ip.length() > 2 ? Character.toLowerCase(ip.charAt(2)) : ' ';
        boolean fullFirstGroup = ip.length() > 4 && ip.charAt(4) == ':';
        if (!fullFirstGroup) {
            return false;
        }
        return (a == 'f' && (b == 'c' || b == 'd')) || (a == 'f' && b == 'e' && c >= '8' && c <= 'b');
    }

    private static int octet(String ip, int from) {
        int value = 0;
        int i = from;
        for (; i < ip.length() && ip.charAt(i) != '.'; i++) {
            value = value * 10 + (ip.charAt(i) - '0');
        }
        return i == from ? -1 : value;
    }
}
