using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Esper.Core.Expressions;

/// <summary>An IP network (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>; a bare address is a single host).</summary>
internal sealed class CidrBlock
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private CidrBlock(byte[] network, int prefix, AddressFamily family, string text)
    {
        _network = network;
        _prefix = prefix;
        Family = family;
        Text = text;
    }

    public AddressFamily Family { get; }

    /// <summary>Canonical text: network address (host bits cleared) and prefix length.</summary>
    public string Text { get; }

    public static CidrBlock? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(static c => c == '.') != 3))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var maxPrefix = bytes.Length * 8;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            return null;
        }

        for (var bit = prefix; bit < maxPrefix; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        var canonical = new IPAddress(bytes).ToString() + "/" + prefix.ToString(CultureInfo.InvariantCulture);
        return new CidrBlock(bytes, prefix, address.AddressFamily, canonical);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != _network.Length)
        {
            return false;
        }

        var whole = _prefix / 8;
        if (!bytes[..whole].SequenceEqual(_network.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = _prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == _network[whole];
    }
}
