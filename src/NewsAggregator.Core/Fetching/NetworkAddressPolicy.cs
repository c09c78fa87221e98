using System.Net;
using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>The address ranges a link from the public web must not lead to, by name.</summary>
public static class NetworkAddressPolicy
{
    private static readonly (IPAddress Network, int PrefixLength, string Kind)[] LocalRanges =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "\"this network\""),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("10.0.0.0"), 8, "private"),
        (IPAddress.Parse("172.16.0.0"), 12, "private"),
        (IPAddress.Parse("192.168.0.0"), 16, "private"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local"),
        (IPAddress.Parse("100.64.0.0"), 10, "carrier-grade NAT"),
        (IPAddress.Parse("192.0.0.0"), 24, "IETF protocol assignment"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved"),
        (IPAddress.Parse("::"), 128, "unspecified"),
        (IPAddress.Parse("::1"), 128, "loopback"),
        (IPAddress.Parse("fc00::"), 7, "unique-local"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    /// <summary>The kind of local address (e.g. "loopback", "private"), or null for a public one.</summary>
    public static string? Classify(IPAddress address)
    {
        // ::ffff:127.0.0.1 and friends reach the IPv4 address they embed.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var (network, prefixLength, kind) in LocalRanges)
        {
            if (network.AddressFamily == address.AddressFamily && InRange(address, network, prefixLength))
            {
                return kind;
            }
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address that is reached in the end.
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (InRange(address, IPAddress.Parse("64:ff9b::"), 96))
            {
                return Classify(new IPAddress(bytes[12..16]));
            }
            if (InRange(address, IPAddress.Parse("2002::"), 16))
            {
                return Classify(new IPAddress(bytes[2..6]));
            }
        }
        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }
        var rest = prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
