package io.leeward.app.demo;

/** IPv4 addresses as ints, for allocating addresses inside subnet CIDRs. */
final class Ipv4 {
    private Ipv4() {}

    static int parse(String address) {
        String[] octets = address.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        int value = 0;
        for (String octet : octets) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    static int prefixLength(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    static int network(String cidr) {
        return parse(cidr.substring(0, cidr.indexOf('/')));
    }

    static boolean contains(String cidr, String address) {
        int prefix = prefixLength(cidr);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (parse(address) & mask) == (network(cidr) & mask);
    }
}
