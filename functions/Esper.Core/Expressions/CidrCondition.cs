using System.Net;
using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>field.inCidr("10.0.0.0/8")</c> or a list of networks: the field holds an IP inside one of them.</summary>
internal sealed class CidrCondition(FieldReference field, IReadOnlyList<CidrBlock> blocks) : Condition
{
    public override bool IsAtomic => true;

    public override void Print(StringBuilder output)
    {
        output.Append(CelText.Field(field)).Append(".inCidr(");
        if (blocks.Count == 1)
        {
            output.Append(CelText.Quote(blocks[0].Text));
        }
        else
        {
            output.Append('[').AppendJoin(", ", blocks.Select(static b => CelText.Quote(b.Text))).Append(']');
        }

        output.Append(')');
    }

    public override Func<EncodedRequest, bool> Compile()
    {
        var networks = blocks.ToArray();
        if (field.Kind == FieldKind.ClientIp)
        {
            // The encoder already parsed the client IP; no text parsing per evaluation.
            return r => r.ClientIpAddress is { } address && InAny(networks, address);
        }

        return r => r.GetText(field) is { } text && IPAddress.TryParse(text, out var address) &&
                    InAny(networks, address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static bool InAny(CidrBlock[] networks, IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
