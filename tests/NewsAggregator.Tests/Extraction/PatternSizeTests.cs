using System.Reflection;
using System.Reflection.Emit;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>
/// The JIT compiles a method of more than 2 000 basic blocks without optimising it, at every tier,
/// and a source-generated pattern's matcher grows by a few blocks for each word of the pattern: the
/// line patterns that had grown past it (the prompts, the time stamps and credits) took 3-4 µs a
/// line where a pattern under it takes well under one, the most expensive step of the line
/// filter. Nothing else says a pattern has grown too large (the output is the same, only slower),
/// so this measures every generated matcher of the library's assemblies and asks that each stay
/// clear of the limit; one that does not is split by kind, as the furniture lines are.
/// </summary>
/// <remarks>
/// The measure is the matcher's decisions: its conditional branches and the cases of its switches.
/// Unlike its blocks, their number is the same whether the library was compiled for debugging (as
/// the tests run it) or for release (as it runs), and the release build's blocks came to 1.1-1.4
/// times it in every pattern measured; so a matcher of fewer than 1 300 decisions stays under the
/// JIT's 2 000 blocks.
/// </remarks>
public class PatternSizeTests
{
    private const int MaxDecisions = 1_300;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static TheoryData<string> Assemblies => new()
    {
        typeof(ArticleExtractor).Assembly.GetName().Name!,
        typeof(NewsAggregator.Configuration.WorkerSettings).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_generated_pattern_is_small_enough_for_the_JIT_to_optimise(string assemblyName)
    {
        var matchers = Matchers(Assembly.Load(assemblyName)).ToList();
        Assert.NotEmpty(matchers);

        var tooLarge = matchers.Where(m => m.Decisions >= MaxDecisions).Select(m => $"{m.Pattern}: {m.Decisions} decisions").ToList();

        Assert.True(tooLarge.Count == 0, $"split these patterns by kind: {string.Join("; ", tooLarge)}");
    }

    private static IEnumerable<(string Pattern, int Decisions)> Matchers(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.FullName!.Contains("RegexGenerator", StringComparison.Ordinal)))
        {
            foreach (var name in new[] { "TryMatchAtCurrentPosition", "TryFindNextPossibleStartingPosition" })
            {
                if (type.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } method &&
                    method.GetMethodBody()?.GetILAsByteArray() is { } il)
                {
                    yield return ($"{type.FullName!.Split("__").Last()}.{name}", Decisions(il));
                }
            }
        }
    }

    /// <summary>The method's conditional branches and the cases of its switches, read off its IL.</summary>
    private static int Decisions(byte[] il)
    {
        var decisions = 0;
        for (var at = 0; at < il.Length;)
        {
            var twoBytes = il[at] == 0xFE;
            var code = OpCodesByValue[twoBytes ? (short)(0xFE00 | il[at + 1]) : il[at]];
            var operand = at + (twoBytes ? 2 : 1);
            if (code.FlowControl == FlowControl.Cond_Branch)
            {
                decisions += code.OperandType == OperandType.InlineSwitch ? BitConverter.ToInt32(il, operand) : 1;
            }
            at = operand + code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, operand)),
                _ => 4,
            };
        }
        return decisions;
    }
}
