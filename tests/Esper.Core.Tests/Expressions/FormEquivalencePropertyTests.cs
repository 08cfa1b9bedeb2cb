using Esper.Core.Fields;

namespace Esper.Core.Tests.Expressions;

public sealed class FormEquivalencePropertyTests
{
    [Fact]
    public void Text_and_tree_forms_of_generated_expressions_decide_identically()
    {
        var generator = new ExpressionGenerator(new Random(20260319));
        var requests = Enumerable.Range(0, 40).Select(_ => EncodedRequest.FromFields(generator.Request())).ToArray();
        var matched = 0;
        var evaluations = 0;

        for (var i = 0; i < 3000; i++)
        {
            var node = generator.Node(depth: 3);
            var text = generator.Text(node);
            var tree = generator.Tree(node);
            var fromText = Compile.Text(text);
            var fromTree = Compile.Tree(tree);
            var fromCanonical = Compile.Text(fromText.CanonicalText);

            Assert.True(fromText.CanonicalText == fromTree.CanonicalText, $"{text}\n{tree}\n{fromText.CanonicalText}\n{fromTree.CanonicalText}");
            Assert.Equal(fromText.CanonicalText, fromCanonical.CanonicalText);
            foreach (var request in requests)
            {
                var decision = fromText.Evaluate(request);
                Assert.True(decision == fromTree.Evaluate(request), $"{text}\n{tree}");
                Assert.Equal(decision, fromCanonical.Evaluate(request));
                matched += decision ? 1 : 0;
                evaluations++;
            }
        }

        // The vocabulary is small on purpose: both outcomes must be common, or the property says little.
        Assert.InRange(matched, evaluations / 10, evaluations * 9 / 10);
    }
}
