using System.Globalization;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Parses lexed Jinja tokens into statement and expression nodes. Filters, tests and tags are checked here,
/// so an unknown filter or an unsupported tag is a syntax error with its line, not a surprise at render time.
/// </summary>
internal sealed class JinjaParser(IReadOnlyList<Token> tokens)
{
    private static readonly HashSet<string> UnsupportedTags = new(StringComparer.Ordinal)
    {
        "macro", "call", "include", "import", "from", "filter", "with", "do", "autoescape", "trans", "break", "continue",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "is", "if", "else" };

    private readonly Dictionary<string, BlockStatement> _blocks = new(StringComparer.Ordinal);

    private int _index;

    // Levels open at this point: brackets, unary operators, block tags, and the links of an operator or filter chain
    // (each makes the tree, and the evaluation that walks it, one level deeper).
    private int _nesting;

    /// <summary>Every <c>{% block %}</c> of the template (nested ones too), by name.</summary>
    public IReadOnlyDictionary<string, BlockStatement> Blocks => _blocks;

    private Token Current => tokens[_index];

    private Token Peek(int offset = 1) => tokens[Math.Min(_index + offset, tokens.Count - 1)];

    public IReadOnlyList<JinjaStatement> ParseTemplate()
    {
        var body = ParseBody([], out _);
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(Current);
        }

        return body;
    }

    /// <summary>Parses statements until one of <paramref name="endTags"/> opens a block tag (not consumed).</summary>
    private List<JinjaStatement> ParseBody(HashSet<string> endTags, out string? endTag)
    {
        var body = new List<JinjaStatement>();
        endTag = null;
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.End:
                    return body;
                case TokenKind.Text:
                    body.Add(new TextStatement(token.Value, token.Line));
                    _index++;
                    break;
                case TokenKind.VariableBegin:
                    _index++;
                    if (Current.Kind == TokenKind.VariableEnd)
                    {
                        throw new TemplateSyntaxError("expected an expression inside '{{ }}'", Current.Line);
                    }

                    var expression = ParseTuple(allowConditional: true);
                    Expect(TokenKind.VariableEnd);
                    body.Add(new OutputStatement(expression, token.Line));
                    break;
                case TokenKind.BlockBegin:
                    var name = Peek();
                    if (name.Kind != TokenKind.Name)
                    {
                        throw new TemplateSyntaxError($"expected a tag name after '{{%', found {name}", name.Line);
                    }

                    if (endTags.Contains(name.Value))
                    {
                        endTag = name.Value;
                        return body;
                    }

                    _index += 2;
                    Enter(name.Line);
                    body.Add(ParseTag(name));
                    Leave();
                    break;
                default:
                    throw Unexpected(token);
            }
        }
    }

    private JinjaStatement ParseTag(Token name) => name.Value switch
    {
        "if" => ParseIf(name),
        "for" => ParseFor(name),
        "set" => ParseSet(name),
        "block" => ParseBlock(name),
        "extends" => ParseExtends(name),
        _ when UnsupportedTags.Contains(name.Value) => throw new TemplateSyntaxError(
            $"the '{name.Value}' tag is not supported (supported tags: if, for, set, block, extends, raw)", name.Line),
        _ when name.Value.StartsWith("end", StringComparison.Ordinal) || name.Value is "elif" or "else" =>
            throw new TemplateSyntaxError($"unexpected '{name.Value}' (no open block expects it here)", name.Line),
        _ => throw new TemplateSyntaxError($"unknown tag '{name.Value}'", name.Line),
    };

    private IfStatement ParseIf(Token tag)
    {
        var branches = new List<(JinjaExpression, IReadOnlyList<JinjaStatement>)>();
        List<JinjaStatement>? otherwise = null;
        var condition = ParseTuple(allowConditional: true);
        Expect(TokenKind.BlockEnd);
        while (true)
        {
            var body = ParseBody(["elif", "else", "endif"], out var end);
            branches.Add((condition, body));
            if (end is null)
            {
                throw Unclosed(tag, "endif");
            }

            _index += 2;
            if (end == "elif")
            {
                condition = ParseTuple(allowConditional: true);
                Expect(TokenKind.BlockEnd);
                continue;
            }

            if (end == "else")
            {
                Expect(TokenKind.BlockEnd);
                otherwise = ParseBody(["endif"], out var close);
                if (close is null)
                {
                    throw Unclosed(tag, "endif");
                }

                _index += 2;
            }

            Expect(TokenKind.BlockEnd);
            return new IfStatement(branches, otherwise, tag.Line);
        }
    }

    private ForStatement ParseFor(Token tag)
    {
        var targets = ParseTargets();
        if (!Current.IsName("in"))
        {
            throw new TemplateSyntaxError($"expected 'in' in the 'for' tag, found {Current}", Current.Line);
        }

        _index++;
        var sequence = ParseTuple(allowConditional: false);
        JinjaExpression? filter = null;
        if (Current.IsName("if"))
        {
            _index++;
            filter = ParseExpression(allowConditional: true);
        }

        if (Current.IsName("recursive"))
        {
            throw new TemplateSyntaxError("recursive loops are not supported", Current.Line);
        }

        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["else", "endfor"], out var end);
        List<JinjaStatement>? otherwise = null;
        if (end is null)
        {
            throw Unclosed(tag, "endfor");
        }

        _index += 2;
        if (end == "else")
        {
            Expect(TokenKind.BlockEnd);
            otherwise = ParseBody(["endfor"], out var close);
            if (close is null)
            {
                throw Unclosed(tag, "endfor");
            }

            _index += 2;
        }

        Expect(TokenKind.BlockEnd);
        return new ForStatement(targets, sequence, filter, body, otherwise, tag.Line);
    }

    private JinjaStatement ParseSet(Token tag)
    {
        var targets = ParseTargets();
        if (Current.IsOperator("="))
        {
            _index++;
            var value = ParseTuple(allowConditional: true);
            Expect(TokenKind.BlockEnd);
            return new SetStatement(targets, value, tag.Line);
        }

        if (targets.Count != 1)
        {
            throw new TemplateSyntaxError("a block 'set' takes exactly one name", tag.Line);
        }

        Expect(TokenKind.BlockEnd);
        var body = ParseBody(["endset"], out var end);
        if (end is null)
        {
            throw Unclosed(tag, "endset");
        }

        _index += 2;
        Expect(TokenKind.BlockEnd);
        return new SetBlockStatement(targets[0], body, tag.Line);
    }

    private BlockStatement ParseBlock(Token tag)
    {
        if (Current.Kind != TokenKind.Name || Keywords.Contains(Current.Value))
        {
            throw new TemplateSyntaxError($"expected a block name, found {Current}", Current.Line);
        }

        var name = Current.Value;
        _index++;
        if (Current.IsName("scoped"))
        {
            // Blocks share the template's variables here, so 'scoped' changes nothing.
            _index++;
        }

        Expect(TokenKind.BlockEnd);
        if (_blocks.ContainsKey(name))
        {
            throw new TemplateSyntaxError($"block '{name}' is defined twice", tag.Line);
        }

        _blocks[name] = null!; // reserve the name so a nested block with the same name is a duplicate
        var body = ParseBody(["endblock"], out var end);
        if (end is null)
        {
            throw Unclosed(tag, "endblock");
        }

        _index += 2;
        if (Current.Kind == TokenKind.Name)
        {
            if (Current.Value != name)
            {
                throw new TemplateSyntaxError($"'endblock {Current.Value}' closes block '{name}'", Current.Line);
            }

            _index++;
        }

        Expect(TokenKind.BlockEnd);
        var block = new BlockStatement(name, body, tag.Line);
        _blocks[name] = block;
        return block;
    }

    private ExtendsStatement ParseExtends(Token tag)
    {
        var parent = ParseExpression(allowConditional: true);
        Expect(TokenKind.BlockEnd);
        return new ExtendsStatement(parent, tag.Line);
    }

    private List<string> ParseTargets()
    {
        var names = new List<string>();
        var parenthesised = Current.IsOperator("(");
        if (parenthesised)
        {
            _index++;
        }

        while (true)
        {
            if (Current.Kind != TokenKind.Name || Keywords.Contains(Current.Value))
            {
                throw new TemplateSyntaxError($"expected a variable name, found {Current}", Current.Line);
            }

            if (Peek().IsOperator("."))
            {
                throw new TemplateSyntaxError("assigning to an attribute (namespace objects) is not supported", Current.Line);
            }

            names.Add(Current.Value);
            _index++;
            if (!Current.IsOperator(","))
            {
                break;
            }

            _index++;
        }

        if (parenthesised)
        {
            ExpectOperator(")");
        }

        return names;
    }

    private JinjaExpression ParseTuple(bool allowConditional)
    {
        var line = Current.Line;
        var first = ParseExpression(allowConditional);
        if (!Current.IsOperator(","))
        {
            return first;
        }

        var items = new List<JinjaExpression> { first };
        while (Current.IsOperator(","))
        {
            _index++;
            if (Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd || Current.IsName("if"))
            {
                break;
            }

            items.Add(ParseExpression(allowConditional));
        }

        return new ListNode(items, line, isTuple: true);
    }

    private JinjaExpression ParseExpression(bool allowConditional)
    {
        Enter(Current.Line);
        var expression = ParseOr();
        if (!allowConditional)
        {
            Leave();
            return expression;
        }

        var links = 0;
        while (Current.IsName("if"))
        {
            var line = Current.Line;
            Enter(line, ref links);
            _index++;
            var test = ParseOr();
            JinjaExpression? otherwise = null;
            if (Current.IsName("else"))
            {
                _index++;
                otherwise = ParseExpression(allowConditional: true);
            }

            expression = new ConditionalNode(test, expression, otherwise, line);
        }

        Leave(links + 1);
        return expression;
    }

    private JinjaExpression ParseOr()
    {
        var left = ParseAnd();
        var links = 0;
        while (Current.IsName("or"))
        {
            var line = Current.Line;
            Enter(line, ref links);
            _index++;
            left = new LogicalNode(isAnd: false, left, ParseAnd(), line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParseAnd()
    {
        var left = ParseNot();
        var links = 0;
        while (Current.IsName("and"))
        {
            var line = Current.Line;
            Enter(line, ref links);
            _index++;
            left = new LogicalNode(isAnd: true, left, ParseNot(), line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParseNot()
    {
        if (Current.IsName("not"))
        {
            var line = Current.Line;
            Enter(line);
            _index++;
            var node = new UnaryNode("not", ParseNot(), line);
            Leave();
            return node;
        }

        return ParseCompare();
    }

    private JinjaExpression ParseCompare()
    {
        var line = Current.Line;
        var first = ParseMath1();
        var rest = new List<(string, JinjaExpression)>();
        while (true)
        {
            if (Current.Kind == TokenKind.Operator && Current.Value is "==" or "!=" or "<" or ">" or "<=" or ">=")
            {
                var op = Current.Value;
                _index++;
                rest.Add((op, ParseMath1()));
            }
            else if (Current.IsName("in"))
            {
                _index++;
                rest.Add(("in", ParseMath1()));
            }
            else if (Current.IsName("not") && Peek().IsName("in"))
            {
                _index += 2;
                rest.Add(("not in", ParseMath1()));
            }
            else
            {
                break;
            }
        }

        return rest.Count == 0 ? first : new CompareNode(first, rest, line);
    }

    private JinjaExpression ParseMath1()
    {
        var left = ParseConcat();
        var links = 0;
        while (Current.Kind == TokenKind.Operator && Current.Value is "+" or "-")
        {
            var op = Current;
            Enter(op.Line, ref links);
            _index++;
            left = new BinaryNode(op.Value, left, ParseConcat(), op.Line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParseConcat()
    {
        var left = ParseMath2();
        var links = 0;
        while (Current.IsOperator("~"))
        {
            var line = Current.Line;
            Enter(line, ref links);
            _index++;
            left = new BinaryNode("~", left, ParseMath2(), line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParseMath2()
    {
        var left = ParsePow();
        var links = 0;
        while (Current.Kind == TokenKind.Operator && Current.Value is "*" or "/" or "//" or "%")
        {
            var op = Current;
            Enter(op.Line, ref links);
            _index++;
            left = new BinaryNode(op.Value, left, ParsePow(), op.Line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParsePow()
    {
        var left = ParseUnary(withFilter: true);
        var links = 0;
        while (Current.IsOperator("**"))
        {
            var line = Current.Line;
            Enter(line, ref links);
            _index++;
            left = new BinaryNode("**", left, ParseUnary(withFilter: true), line);
        }

        Leave(links);
        return left;
    }

    private JinjaExpression ParseUnary(bool withFilter)
    {
        JinjaExpression node;
        if (Current.Kind == TokenKind.Operator && Current.Value is "-" or "+")
        {
            var op = Current;
            Enter(op.Line);
            _index++;
            node = new UnaryNode(op.Value, ParseUnary(withFilter: false), op.Line);
            Leave();
        }
        else
        {
            node = ParsePostfix(ParsePrimary());
        }

        return withFilter ? ParseFilters(node) : node;
    }

    private JinjaExpression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                _index++;
                return token.Value switch
                {
                    "true" or "True" => new LiteralNode(BooleanValue.True, token.Line),
                    "false" or "False" => new LiteralNode(BooleanValue.False, token.Line),
                    "none" or "None" => new LiteralNode(NilValue.Instance, token.Line),
                    _ when Keywords.Contains(token.Value) => throw Unexpected(token),
                    _ => new NameNode(token.Value, token.Line),
                };
            case TokenKind.String:
                var text = token.Value;
                _index++;
                while (Current.Kind == TokenKind.String)
                {
                    text += Current.Value;
                    _index++;
                }

                return new LiteralNode(new StringValue(text), token.Line);
            case TokenKind.Integer:
                _index++;
                return decimal.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)
                    ? new LiteralNode(NumberValue.Create(integer), token.Line)
                    : throw new TemplateSyntaxError($"the number {token.Value} is too large", token.Line);
            case TokenKind.Float:
                _index++;
                return new LiteralNode(Py.FromDouble(double.Parse(token.Value, CultureInfo.InvariantCulture)), token.Line);
            case TokenKind.Operator when token.Value == "(":
                _index++;
                if (Current.IsOperator(")"))
                {
                    _index++;
                    return new ListNode([], token.Line, isTuple: true);
                }

                var inner = ParseTuple(allowConditional: true);
                ExpectOperator(")");
                return inner;
            case TokenKind.Operator when token.Value == "[":
                _index++;
                var items = new List<JinjaExpression>();
                while (!Current.IsOperator("]"))
                {
                    items.Add(ParseExpression(allowConditional: true));
                    if (!Current.IsOperator(","))
                    {
                        break;
                    }

                    _index++;
                }

                ExpectOperator("]");
                return new ListNode(items, token.Line);
            case TokenKind.Operator when token.Value == "{":
                _index++;
                var pairs = new List<(JinjaExpression, JinjaExpression)>();
                while (!Current.IsOperator("}"))
                {
                    var key = ParseExpression(allowConditional: true);
                    ExpectOperator(":");
                    pairs.Add((key, ParseExpression(allowConditional: true)));
                    if (!Current.IsOperator(","))
                    {
                        break;
                    }

                    _index++;
                }

                ExpectOperator("}");
                return new DictNode(pairs, token.Line);
            default:
                throw Unexpected(token);
        }
    }

    private JinjaExpression ParsePostfix(JinjaExpression node)
    {
        var links = 0;
        while (true)
        {
            var token = Current;
            if (token.IsOperator(".") || token.IsOperator("[") || token.IsOperator("("))
            {
                Enter(token.Line, ref links);
            }

            if (token.IsOperator("."))
            {
                _index++;
                var attribute = Current;
                if (attribute.Kind is not (TokenKind.Name or TokenKind.Integer))
                {
                    throw new TemplateSyntaxError($"expected an attribute name after '.', found {attribute}", attribute.Line);
                }

                _index++;
                node = new GetAttrNode(node, attribute.Value, token.Line);
            }
            else if (token.IsOperator("["))
            {
                _index++;
                node = ParseSubscript(node, token.Line);
                ExpectOperator("]");
            }
            else if (token.IsOperator("("))
            {
                _index++;
                node = new CallNode(node, ParseArguments(), token.Line);
            }
            else
            {
                Leave(links);
                return node;
            }
        }
    }

    private JinjaExpression ParseSubscript(JinjaExpression target, int line)
    {
        JinjaExpression? start = null;
        if (!Current.IsOperator(":"))
        {
            start = ParseExpression(allowConditional: true);
            if (!Current.IsOperator(":"))
            {
                return new GetItemNode(target, start, line);
            }
        }

        _index++;
        JinjaExpression? stop = null, step = null;
        if (!Current.IsOperator("]") && !Current.IsOperator(":"))
        {
            stop = ParseExpression(allowConditional: true);
        }

        if (Current.IsOperator(":"))
        {
            _index++;
            if (!Current.IsOperator("]"))
            {
                step = ParseExpression(allowConditional: true);
            }
        }

        return new SliceNode(target, start, stop, step, line);
    }

    /// <summary>Parses <c>(a, b, name=c)</c> after the opening parenthesis.</summary>
    private ArgumentList ParseArguments()
    {
        var positional = new List<JinjaExpression>();
        var named = new List<(string, JinjaExpression)>();
        while (!Current.IsOperator(")"))
        {
            if (Current.IsOperator("*") || Current.IsOperator("**"))
            {
                throw new TemplateSyntaxError("*args and **kwargs are not supported", Current.Line);
            }

            if (Current.Kind == TokenKind.Name && Peek().IsOperator("="))
            {
                var name = Current.Value;
                _index += 2;
                named.Add((name, ParseExpression(allowConditional: true)));
            }
            else
            {
                if (named.Count > 0)
                {
                    throw new TemplateSyntaxError("a positional argument follows a keyword argument", Current.Line);
                }

                positional.Add(ParseExpression(allowConditional: true));
            }

            if (!Current.IsOperator(","))
            {
                break;
            }

            _index++;
        }

        ExpectOperator(")");
        return new ArgumentList(positional, named);
    }

    private JinjaExpression ParseFilters(JinjaExpression node)
    {
        var links = 0;
        while (true)
        {
            if (Current.IsOperator("|") || Current.IsName("is"))
            {
                Enter(Current.Line, ref links);
            }

            if (Current.IsOperator("|"))
            {
                var pipe = Current;
                _index++;
                var name = ParseDottedName("filter");
                if (!JinjaFilters.All.TryGetValue(name, out var filter))
                {
                    throw new TemplateSyntaxError($"unknown filter '{name}'", pipe.Line);
                }

                var arguments = ArgumentList.Empty;
                if (Current.IsOperator("("))
                {
                    _index++;
                    arguments = ParseArguments();
                }

                node = new FilterNode(node, name, filter, arguments, pipe.Line);
            }
            else if (Current.IsName("is"))
            {
                var isToken = Current;
                _index++;
                var negated = false;
                if (Current.IsName("not"))
                {
                    negated = true;
                    _index++;
                }

                string name;
                if (Current.Kind == TokenKind.Operator && Current.Value is "==" or "!=")
                {
                    name = Current.Value;
                    _index++;
                }
                else
                {
                    name = ParseDottedName("test");
                }

                if (!JinjaTests.All.TryGetValue(name, out var test))
                {
                    throw new TemplateSyntaxError($"unknown test '{name}'", isToken.Line);
                }

                var arguments = ArgumentList.Empty;
                if (Current.IsOperator("("))
                {
                    _index++;
                    arguments = ParseArguments();
                }
                else if (StartsTestArgument(Current))
                {
                    arguments = new ArgumentList([ParsePostfix(ParsePrimary())], []);
                }

                node = new TestNode(node, name, test, arguments, negated, isToken.Line);
            }
            else
            {
                Leave(links);
                return node;
            }
        }
    }

    private static bool StartsTestArgument(Token token) => token.Kind switch
    {
        TokenKind.String or TokenKind.Integer or TokenKind.Float => true,
        TokenKind.Name => !Keywords.Contains(token.Value),
        TokenKind.Operator => token.Value is "[" or "{",
        _ => false,
    };

    private string ParseDottedName(string what)
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw new TemplateSyntaxError($"expected a {what} name, found {Current}", Current.Line);
        }

        var name = Current.Value;
        _index++;
        while (Current.IsOperator(".") && Peek().Kind == TokenKind.Name)
        {
            name += "." + Peek().Value;
            _index += 2;
        }

        foreach (var prefix in (string[])["ansible.builtin.", "ansible.netcommon.", "ansible.utils.", "community.general."])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private void Enter(int line)
    {
        if (++_nesting > KollaLimits.TemplateNesting)
        {
            throw new TemplateSyntaxError(
                $"the template nests brackets, operators, filters and tags more than {KollaLimits.TemplateNesting} levels deep", line);
        }

        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Templates parsed while others are evaluated (templated variables) share the thread's stack with them.
            throw new TemplateSyntaxError(RenderBudget.StackMessage, line);
        }
    }

    private void Enter(int line, ref int links)
    {
        Enter(line);
        links++;
    }

    private void Leave(int levels = 1) => _nesting -= levels;

    private void Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            var expected = kind == TokenKind.VariableEnd ? "'}}'" : "'%}'";
            throw new TemplateSyntaxError($"expected {expected}, found {Current}", Current.Line);
        }

        _index++;
    }

    private void ExpectOperator(string op)
    {
        if (!Current.IsOperator(op))
        {
            throw new TemplateSyntaxError($"expected '{op}', found {Current}", Current.Line);
        }

        _index++;
    }

    private static TemplateSyntaxError Unexpected(Token token) => new($"unexpected {token}", token.Line);

    private static TemplateSyntaxError Unclosed(Token tag, string endTag) =>
        new($"'{tag.Value}' block opened on line {tag.Line} is never closed (missing '{{% {endTag} %}}')", tag.Line);
}
