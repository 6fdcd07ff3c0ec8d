package io.leeward.loaders.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Flow attribution")
class AttributionTest {
    static FlowRecord record(int srcPort, int dstPort, int protocol, String flags) {
        var format = FlowLogFormat.parse(
                "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status tcp-flags");
        String line = "3 eni-1 10.0.0.1 10.0.0.2 " + srcPort + " " + dstPort + " " + protocol
                + " 1 60 100 160 ACCEPT OK " + flags;
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        return new FlowLineParser(format).parse(bytes, 0, bytes.length);
    }

    @Nested
    @DisplayName("tells the server")
    class Direction {
        @ParameterizedTest(name = "{0} -> {1} proto {2} flags {3}: src serves = {4}")
        @CsvSource({
            "443, 51000, 6, -, true", // lower port serves
            "51000, 443, 6, -, false",
            "8080, 8080, 6, -, false", // a tie: the destination serves
            "40000, 5432, 6, 2, false", // SYN from src: src is the client
            "5432, 40000, 6, 2, false", // SYN from src beats the lower port
            "51000, 443, 6, 18, true", // SYN-ACK from src: src is the server
            "51000, 443, 6, 19, true",
            "53, 40000, 17, 2, true", // flags are TCP only
            "0, 0, 1, -, false" // ICMP: the destination
        })
        void rule(int srcPort, int dstPort, int protocol, String flags, boolean srcServes) {
            assertThat(Attribution.srcIsServer(record(srcPort, dstPort, protocol, flags)))
                    .isEqualTo(srcServes);
        }
    }

    @Nested
    @DisplayName("classifies addresses")
    class Classes {
        @ParameterizedTest(name = "{0} private = {1}")
        @CsvSource({
            "10.1.2.3, true",
            "172.16.0.1, true",
            "172.32.0.1, false",
            "192.168.1.1, true",
            "100.64.0.1, true",
            "169.254.169.254, true",
            "203.0.113.7, false",
            "8.8.8.8, false",
            "fd00:ec2::23, true",
            "fe80:0:0:0:1:2:3:4, true",
            "2001:db8::1, false"
        })
        void privateOrPublic(String ip, boolean isPrivate) {
            assertThat(Addresses.isPrivate(ip)).isEqualTo(isPrivate);
        }
    }
}
