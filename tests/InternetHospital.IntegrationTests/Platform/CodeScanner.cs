using System.Reflection;
using System.Reflection.Emit;

namespace InternetHospital.IntegrationTests.Platform;

/// <summary>
/// Finds, in compiled assemblies, the string constants that reach a "code" argument: the first argument of
/// <c>new DomainRuleException("too_late_to_change", …)</c>, the argument of a helper such as
/// <c>EnsureStatus(…, "not_awaiting_payment")</c> that passes its <c>code</c> parameter on, or the value stored under
/// the key <c>"code"</c> of a problem's extensions. It reads the IL (so constants from other classes, which the
/// compiler inlines, count too) with a small forward stack simulation that follows branches, so both arms of a
/// <c>cond ? "a" : "b"</c> are seen. Arguments that are not constants are reported with the method they occur in.
/// </summary>
internal sealed class CodeScanner(Func<MethodBase, int?> sinkCodeParameter, bool problemExtensions)
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly HashSet<MethodBase> helpers = [];

    public SortedSet<string> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>Sinks whose code argument is not a constant: "Type.Method ← origin".</summary>
    public SortedSet<string> Unresolved { get; } = new(StringComparer.Ordinal);

    public CodeScanner Scan(params Assembly[] assemblies)
    {
        var methods = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
            .Where(m => m.GetMethodBody() is not null)
            .ToList();

        // Helpers pass their own `code` parameter to a sink; find them until no new one appears, then collect.
        int count;
        do
        {
            count = helpers.Count;
            foreach (var method in methods)
            {
                Simulate(method, collect: false);
            }
        }
        while (helpers.Count != count);

        foreach (var method in methods)
        {
            Simulate(method, collect: true);
        }

        return this;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private int? CodeParameterOf(MethodBase callee)
    {
        if (sinkCodeParameter(callee) is { } index)
        {
            return index;
        }

        var definition = callee is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : callee;
        return helpers.Contains(definition) ? Array.FindIndex(callee.GetParameters(), p => p.Name == "code") : null;
    }

    private void Simulate(MethodBase method, bool collect)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var parameters = method.GetParameters();
        var codeParameter = Array.FindIndex(parameters, p => p.Name == "code" && p.ParameterType == typeof(string));
        var branchStates = new Dictionary<int, List<Value>>();
        var stack = new List<Value>();
        var reachable = true;

        for (var offset = 0; offset < il.Length;)
        {
            if (branchStates.TryGetValue(offset, out var saved))
            {
                stack = reachable ? Merge(stack, saved) : [.. saved];
                reachable = true;
            }
            else if (!reachable)
            {
                stack = [];
                reachable = true;
            }

            var start = offset;
            short value = il[offset++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[offset++]);
            }

            var opCode = OpCodesByValue[value];
            var operand = opCode.OperandType switch
            {
                OperandType.InlineNone => 0L,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => il[offset],
                OperandType.InlineVar => BitConverter.ToInt16(il, offset),
                OperandType.InlineI8 or OperandType.InlineR => BitConverter.ToInt64(il, offset),
                _ => BitConverter.ToInt32(il, offset),
            };
            offset += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * (int)operand),
                _ => 4,
            };

            if (opCode == OpCodes.Ldstr)
            {
                stack.Add(Value.Constant(module.ResolveString((int)operand)));
                continue;
            }

            if (opCode == OpCodes.Dup)
            {
                stack.Add(stack.Count > 0 ? stack[^1] : Value.Unknown("dup"));
                continue;
            }

            var argumentIndex = LoadedArgument(opCode, operand, method.IsStatic);
            if (argumentIndex is { } arg)
            {
                stack.Add(arg == codeParameter ? Value.CodeParameter : Value.Unknown($"argument {arg}"));
                continue;
            }

            if (opCode.FlowControl == FlowControl.Call && opCode != OpCodes.Calli)
            {
                MethodBase? callee;
                try
                {
                    callee = module.ResolveMethod((int)operand, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    callee = null;
                }

                if (callee is null)
                {
                    stack.Clear();
                    continue;
                }

                var calleeParameters = callee.GetParameters();
                var hasThis = !callee.IsStatic && opCode != OpCodes.Newobj;
                var popped = calleeParameters.Length + (hasThis ? 1 : 0);
                var args = new Value[popped];
                for (var i = popped - 1; i >= 0; i--)
                {
                    args[i] = Pop(stack);
                }

                var codeIndex = CodeParameterOf(callee);
                if (codeIndex is >= 0)
                {
                    Record(method, args[codeIndex.Value + (hasThis ? 1 : 0)], collect, codeParameter);
                }
                else if (problemExtensions && IsExtensionStore(callee) && args.Length == 3 && args[1].Constants.Contains("code"))
                {
                    Record(method, args[2], collect, codeParameter);
                }

                if (opCode == OpCodes.Newobj || (callee is MethodInfo info && info.ReturnType != typeof(void)))
                {
                    stack.Add(Value.Unknown($"{callee.DeclaringType?.Name}.{callee.Name}"));
                }

                continue;
            }

            Apply(opCode, stack);

            if (opCode.OperandType is OperandType.ShortInlineBrTarget or OperandType.InlineBrTarget)
            {
                var target = offset + (int)(opCode.OperandType == OperandType.ShortInlineBrTarget ? (sbyte)operand : operand);
                if (target > start)
                {
                    branchStates[target] = branchStates.TryGetValue(target, out var existing) ? Merge(existing, stack) : [.. stack];
                }
            }
            else if (opCode.OperandType == OperandType.InlineSwitch)
            {
                var targets = (int)operand;
                var end = offset;
                for (var i = 0; i < targets; i++)
                {
                    var target = end + BitConverter.ToInt32(il, start + 1 + 4 + (4 * i));
                    if (target > start)
                    {
                        branchStates[target] = branchStates.TryGetValue(target, out var existing) ? Merge(existing, stack) : [.. stack];
                    }
                }
            }

            if (opCode.FlowControl is FlowControl.Branch or FlowControl.Return or FlowControl.Throw || opCode == OpCodes.Leave || opCode == OpCodes.Leave_S || opCode == OpCodes.Endfinally)
            {
                reachable = false;
            }
        }
    }

    private void Record(MethodBase method, Value value, bool collect, int codeParameter)
    {
        if (value.FromCodeParameter && codeParameter >= 0)
        {
            helpers.Add(method);
        }

        if (!collect)
        {
            return;
        }

        Codes.UnionWith(value.Constants);
        foreach (var origin in value.Origins)
        {
            Unresolved.Add($"{SourceName(method)} ← {origin}");
        }
    }

    /// <summary>"Namespace.Type+Nested.Method" as written in the source, for lambdas and async methods too.</summary>
    private static string SourceName(MethodBase method)
    {
        var type = method.DeclaringType!;
        var name = method.Name;
        while (type.Name.StartsWith('<') && type.DeclaringType is not null)
        {
            // A state machine (<Handle>d__9) or a closure class (<>c, <>c__DisplayClass3_0) of the method named in <…>.
            if (!type.Name.StartsWith("<>", StringComparison.Ordinal))
            {
                name = type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)];
            }

            type = type.DeclaringType;
        }

        if (name.StartsWith('<'))
        {
            name = name[1..name.IndexOf('>', StringComparison.Ordinal)];
        }

        return $"{type.FullName}.{name}";
    }

    private static bool IsExtensionStore(MethodBase callee) =>
        callee.Name is "set_Item" or "Add" or "TryAdd"
        && callee.DeclaringType is { IsGenericType: true } type
        && type.GetGenericArguments() is [var key, _] && key == typeof(string)
        && type.Name.Contains("Dictionary", StringComparison.Ordinal);

    private static int? LoadedArgument(OpCode opCode, long operand, bool isStatic)
    {
        int? slot = opCode.Value switch
        {
            0x02 => 0, // ldarg.0
            0x03 => 1,
            0x04 => 2,
            0x05 => 3,
            0x0E => (int)operand, // ldarg.s
            unchecked((short)0xFE09) => (int)operand, // ldarg
            _ => null,
        };
        return slot is null ? null : isStatic ? slot : slot - 1;
    }

    private static void Apply(OpCode opCode, List<Value> stack)
    {
        var pops = opCode.StackBehaviourPop switch
        {
            StackBehaviour.Pop0 => 0,
            StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
            StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
                or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
            StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or StackBehaviour.Popref_popi_popr4
                or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref or StackBehaviour.Popref_popi_pop1 => 3,
            _ => stack.Count, // Varpop outside calls (ret): the stack ends here
        };
        for (var i = 0; i < pops; i++)
        {
            Pop(stack);
        }

        var pushes = opCode.StackBehaviourPush switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1_push1 => 2,
            _ => 1,
        };
        for (var i = 0; i < pushes; i++)
        {
            stack.Add(Value.Unknown(opCode.Name!));
        }
    }

    private static Value Pop(List<Value> stack)
    {
        if (stack.Count == 0)
        {
            return Value.Unknown("an empty stack");
        }

        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static List<Value> Merge(List<Value> a, List<Value> b)
    {
        if (a.Count != b.Count)
        {
            return [.. b];
        }

        return [.. a.Zip(b, (x, y) => x.Union(y))];
    }

    private sealed record Value(IReadOnlySet<string> Constants, IReadOnlySet<string> Origins, bool FromCodeParameter)
    {
        public static readonly Value CodeParameter = new(new HashSet<string>(), new HashSet<string>(), true);

        public static Value Constant(string text) => new(new HashSet<string> { text }, new HashSet<string>(), false);

        public static Value Unknown(string origin) => new(new HashSet<string>(), new HashSet<string> { origin }, false);

        public Value Union(Value other) => new(
            new HashSet<string>(Constants.Concat(other.Constants)),
            new HashSet<string>(Origins.Concat(other.Origins)),
            FromCodeParameter || other.FromCodeParameter);
    }
}
