namespace Esper.Core.Tests.Expressions;

/// <summary>A field of the generator: its canonical name, how the text form and tree form may spell it, sample values.</summary>
internal sealed record GeneratedField(string Canonical, string[] TextSpellings, string[] TreeSpellings, string[] Samples, bool Numeric, bool Ip);
