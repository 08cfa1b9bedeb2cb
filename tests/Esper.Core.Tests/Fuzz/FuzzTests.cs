using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using Esper.Core.Expressions;
using Esper.Core.Fields;
using Xunit.Abstractions;

namespace Esper.Core.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the three parsers that take hostile input: the expression text form, the tree form and
/// the request encoder. Inputs are the checked-in corpus (Fuzz/corpus) damaged by random mutations, plus random
/// JSON from the parsers' own vocabulary. The law for each: it never throws, never hangs, and what it accepts
/// behaves (canonical text round-trips; an encoding is deterministic). A failure is shrunk and printed by CsCheck;
/// add the printed input to the corpus and a regression test beside these.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly EncodedRequest[] Requests =
        [.. FuzzBudget.Lines("events.jsonl").Select(static line => TryEncode(line)).OfType<EncodedRequest>()];

    [Fact]
    public void Text_form_never_throws_or_hangs_and_accepted_text_round_trips()
    {
        var (accepted, refused) = (0, 0);
        Mutations.Of(FuzzBudget.Lines("expressions.txt")).Sample(text =>
        {
            if (Judge(Timed(() => ExpressionCompiler.Compile(text))))
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }, writeLine: output.WriteLine, time: FuzzBudget.Seconds, threads: 1);

        Report(accepted, refused);
    }

    [Fact]
    public void Tree_form_never_throws_or_hangs_and_accepted_trees_round_trip()
    {
        var mutated = Mutations.Of(FuzzBudget.Lines("trees.jsonl"));
        var generated = Gen.Int.Select(static seed => RandomJson.Build(new Random(seed), 5));
        var (accepted, refused) = (0, 0);
        Gen.OneOf(mutated, generated).Sample(json =>
        {
            if (!TryParse(json, out var document))
            {
                return;
            }

            using (document)
            {
                if (Judge(Timed(() => ExpressionCompiler.Compile(document!.RootElement))))
                {
                    accepted++;
                }
                else
                {
                    refused++;
                }
            }
        }, writeLine: output.WriteLine, time: FuzzBudget.Seconds, threads: 1);

        Report(accepted, refused);
    }

    [Fact]
    public void Request_encoder_never_throws_or_hangs_and_encodes_deterministically()
    {
        var mutated = Mutations.Of(FuzzBudget.Lines("events.jsonl"));
        var generated = Gen.Int.Select(static seed => RandomJson.Build(new Random(seed), 6));
        var (accepted, refused) = (0, 0);
        Gen.OneOf(mutated, generated).Sample(json =>
        {
            if (!TryParse(json, out var document))
            {
                return;
            }

            using (document)
            {
                var parsed = Timed(() => RequestEncoder.Parse(document!.RootElement));
                if (!parsed.Succeeded)
                {
                    Assert.NotNull(parsed.ErrorField);
                    refused++;
                    return;
                }

                accepted++;

                var first = Timed(() => RequestEncoder.Encode(parsed.Value!)).ToFieldList();
                var second = RequestEncoder.Encode(RequestEncoder.Parse(document!.RootElement).Value!).ToFieldList();
                Assert.Equal(first, second);
            }
        }, writeLine: output.WriteLine, time: FuzzBudget.Seconds, threads: 1);

        Report(accepted, refused);
    }

    [Fact]
    public void Single_pass_reader_reads_what_the_document_parser_reads_and_declines_the_rest()
    {
        var mutated = Mutations.Of(FuzzBudget.Lines("events.jsonl"));
        var generated = Gen.Int.Select(static seed => RandomJson.Build(new Random(seed), 6));
        var (read, declined) = (0, 0);
        Gen.OneOf(mutated, generated).Sample(json =>
        {
            var result = Timed(() => RequestEncoder.TryRead(System.Text.Encoding.UTF8.GetBytes(json), Fields.EventJson.Limits, out var r) ? r : null);
            if (result is null)
            {
                declined++;
                return;
            }

            read++;
            Assert.True(TryParse(json, out var document), "the reader took malformed JSON: " + json);
            using (document)
            {
                var parsed = RequestEncoder.Parse(document!.RootElement);
                Assert.True(parsed.Succeeded, $"the reader took a body the parser refuses ({parsed.ErrorField}): {json}");
                Fields.EventComparison.AssertSame(parsed.Value!, result.Value!);
            }
        }, writeLine: output.WriteLine, time: FuzzBudget.Seconds, threads: 1);

        Report(read, declined);
    }

    // A harness whose inputs all fail the first check (or all pass it) tests little: both outcomes must be common.
    private void Report(int accepted, int refused)
    {
        output.WriteLine($"accepted {accepted}, refused {refused}");
        Assert.InRange(accepted, 100, int.MaxValue);
        Assert.InRange(refused, 100, int.MaxValue);
    }

    /// <summary>An accepted expression must behave (see <see cref="CheckAccepted"/>); a refused one must say why. True when accepted.</summary>
    private static bool Judge(ExpressionCompileResult result)
    {
        if (result.Expression is { } expression)
        {
            CheckAccepted(expression);
            return true;
        }

        Assert.NotNull(result.Error);
        return false;
    }

    private static void CheckAccepted(CompiledExpression expression)
    {
        var again = ExpressionCompiler.Compile(expression.CanonicalText);
        Assert.True(again.Expression is not null, $"canonical text '{expression.CanonicalText}' does not compile: {again.Error}");
        Assert.Equal(expression.CanonicalText, again.Expression!.CanonicalText);
        foreach (var request in Requests)
        {
            Assert.Equal(Timed(() => expression.Evaluate(request)), again.Expression.Evaluate(request));
        }
    }

    private static T Timed<T>(Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        Assert.True(watch.Elapsed < FuzzBudget.HangLimit, $"one case took {watch.Elapsed}");
        return result;
    }

    private static bool TryParse(string json, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private static EncodedRequest? TryEncode(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parsed = RequestEncoder.Parse(document.RootElement);
        return parsed.Succeeded ? RequestEncoder.Encode(parsed.Value!) : null;
    }
}
