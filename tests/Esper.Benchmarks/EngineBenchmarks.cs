using BenchmarkDotNet.Attributes;
using Cel;
using Esper.Core.Engine;
using Esper.Core.Expressions;
using Esper.Core.Fields;

namespace Esper.Benchmarks;

/// <summary>
/// One decision without I/O, for a realistic tenant and for 1,000 policies, next to the Cel package evaluating
/// the same expressions over the same request.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private PolicySet _set = null!;
    private EncodedRequest _encoded = null!;
    private IReadOnlyList<CompiledExpression> _esperExpressions = null!;
    private CelProgramDelegate[] _celPrograms = null!;
    private Dictionary<string, object?> _celVariables = null!;
    private InMemoryEntityState _state = null!;
    private Dictionary<string, IReadOnlyDictionary<string, long>> _counters = null!;

    [ParamsSource(nameof(Tenants))]
    public BenchmarkTenant Tenant { get; set; } = null!;

    public static IEnumerable<BenchmarkTenant> Tenants() => [BenchmarkTenant.Realistic(), BenchmarkTenant.Large()];

    [GlobalSetup]
    public void Setup()
    {
        _set = PolicySet.Compile(Tenant.Config);
        if (_set.Problems.Count > 0)
        {
            throw new InvalidOperationException("benchmark tenant does not compile: " + string.Join("; ", _set.Problems));
        }

        _encoded = Encode();
        _esperExpressions = Tenant.CompileExpressions();
        var cel = new CelEnvironment(null, null);
        _celPrograms = [.. Tenant.Expressions.Select(e => cel.Compile(e))];
        _celVariables = SampleRequest.CelVariables();
        _state = new InMemoryEntityState();

        // The same answers from both evaluators, or the comparison would be meaningless.
        for (var i = 0; i < _celPrograms.Length; i++)
        {
            if (_celPrograms[i].Invoke(_celVariables) is not bool cel1 || cel1 != _esperExpressions[i].Evaluate(_encoded))
            {
                throw new InvalidOperationException($"Cel and Esper disagree on '{Tenant.Expressions[i]}'");
            }
        }

        var plan = _set.Prepare(_encoded, SampleRequest.Now);
        _counters = [];
        foreach (var request in plan.StateRequests)
        {
            _counters[request.EntityKey] = new Dictionary<string, long>(request.Add);
        }
    }

    /// <summary>Read the event body's bytes in one pass, encode it, decide against in-memory entity state.</summary>
    [Benchmark]
    public Decision EncodeAndDecide() => _set.Decide(Encode(), SampleRequest.Now, _state);

    /// <summary>The same from the bytes through a parsed document (the runtime endpoint's path before the one-pass reader).</summary>
    [Benchmark]
    public Decision DocumentEncodeAndDecide() => _set.Decide(RequestEncoder.Encode(SampleRequest.ParseDocument()), SampleRequest.Now, _state);

    /// <summary>Prepare and finish an encoded request with counters as a store would return them (the engine alone).</summary>
    [Benchmark]
    public Decision PrepareAndFinish() => _set.Finish(_set.Prepare(_encoded, SampleRequest.Now), _counters);

    /// <summary>Every action, scope and clause expression of the tenant through Esper's compiled delegates.</summary>
    [Benchmark]
    public int EsperExpressions()
    {
        var hits = 0;
        foreach (var expression in _esperExpressions)
        {
            hits += expression.Evaluate(_encoded) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>The same expressions through the Cel package (compiled once, variables built once).</summary>
    [Benchmark]
    public int CelExpressions()
    {
        var hits = 0;
        foreach (var program in _celPrograms)
        {
            hits += program.Invoke(_celVariables) is true ? 1 : 0;
        }

        return hits;
    }

    private static EncodedRequest Encode() => RequestEncoder.Encode(SampleRequest.Read());
}
