using System.Text.Json;
using Esper.Core.Engine;
using Esper.Core.Resources;

namespace Esper.Core.Tests.Engine;

public sealed class EnumFactsTests
{
    [Fact]
    public void Every_mitigation_mode_reads_back_from_its_wire_name_and_json()
    {
        Assert.All(Enum.GetValues<MitigationMode>(), mode =>
        {
            Assert.Equal(mode, MitigationModeFacts.Parse(mode.WireName()));
            Assert.Equal(mode, (MitigationMode)JsonSerializer.Deserialize($"\"{mode.WireName()}\"", CoreJsonContext.Default.Options.GetTypeInfo(typeof(MitigationMode)))!);
        });
        Assert.Equal([MitigationModes.Monitor, MitigationModes.Challenge, MitigationModes.Block], Enum.GetValues<MitigationMode>().Select(m => m.WireName()));
        Assert.Null(MitigationModeFacts.Parse("Block"));
    }

    [Fact]
    public void Every_outcome_and_action_reads_back_from_its_wire_name()
    {
        Assert.All(Enum.GetValues<DecisionOutcome>(), o => Assert.Equal(o, DecisionOutcomeFacts.Parse(o.WireName())));
        Assert.All(Enum.GetValues<DecisionAction>(), a => Assert.Equal(a, DecisionActionFacts.Parse(a.WireName())));
    }

    [Fact]
    public void Precedence_is_block_over_challenge_over_observe_over_allow_whatever_the_numeric_values()
    {
        DecisionOutcome[] strongestFirst = [DecisionOutcome.Block, DecisionOutcome.Challenge, DecisionOutcome.Observe, DecisionOutcome.Allow];

        Assert.Equal(strongestFirst, Enum.GetValues<DecisionOutcome>().OrderByDescending(o => o.Strength()));
        Assert.Equal([DecisionOutcome.Observe, DecisionOutcome.Challenge, DecisionOutcome.Block], Enum.GetValues<MitigationMode>().Select(m => m.Outcome()));
        Assert.Equal([DecisionAction.Block, DecisionAction.Challenge, DecisionAction.Allow, DecisionAction.Allow], strongestFirst.Select(o => o.Action()));
    }
}
