using System.Net;
using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

public class NetworkPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.45.6.7", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")] // cloud metadata services live here
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "unique-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "\"this network\"")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:127.0.0.1", "loopback")] // IPv4-mapped
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::7f00:1", "loopback")] // NAT64 of 127.0.0.1
    [InlineData("2002:c0a8:0101::1", "private")] // 6to4 of 192.168.1.1
    public void Local_addresses_are_named_by_kind(string address, string kind)
    {
        Assert.Equal(kind, NetworkAddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700::1111")]
    public void Public_addresses_are_not_local(string address)
    {
        Assert.Null(NetworkAddressPolicy.Classify(IPAddress.Parse(address)));
    }
}
