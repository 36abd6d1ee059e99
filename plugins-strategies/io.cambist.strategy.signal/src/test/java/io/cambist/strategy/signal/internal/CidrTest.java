package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void networksMatchTheirAddressesOnly() {
        Cidr net = Cidr.parse("10.1.0.0/16");
        assertThat(net.matches("10.1.255.7")).isTrue();
        assertThat(net.matches("10.2.0.1")).isFalse();
        assertThat(net.matches("::ffff:10.1.2.3")).as("IPv4 seen through an IPv6 socket").isTrue();
        assertThat(Cidr.parse("203.0.113.7").matches("203.0.113.7")).isTrue();
        assertThat(Cidr.parse("203.0.113.7").matches("203.0.113.8")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").matches("198.51.100.1")).isTrue();
        assertThat(Cidr.parse("192.168.1.128/25").matches("192.168.1.200")).isTrue();
        assertThat(Cidr.parse("192.168.1.128/25").matches("192.168.1.100")).isFalse();
        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertThat(v6.matches("2001:db8:1::5")).isTrue();
        assertThat(v6.matches("2001:db9::1")).isFalse();
        assertThat(v6.matches("10.0.0.1")).isFalse();
        assertThat(net.matches(null)).isFalse();
        assertThat(net.matches("localhost")).as("never a lookup").isFalse();
    }

    @Test
    void onlyLiteralAddressesAreAccepted() {
        assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessageContaining("is not an IP address or network");
        assertThatThrownBy(() -> Cidr.parse("300.1.1.1")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length outside 0 to 32");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
        assertThat(Cidr.literal("10.0.0.256")).isNull();
        assertThat(Cidr.literal("[::1]")).hasSize(16);
    }
}
