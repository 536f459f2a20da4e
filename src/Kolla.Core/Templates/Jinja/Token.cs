namespace Kolla.Templates.Jinja;

/// <summary>One lexed token with the 1-based line it starts on.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int Line)
{
    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    public bool IsName(string name) => Kind == TokenKind.Name && Value == name;

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Value == op;

    public override string ToString() => Kind switch
    {
        TokenKind.End => "end of template",
        TokenKind.VariableEnd => "'}}'",
        TokenKind.BlockEnd => "'%}'",
        TokenKind.String => $"string '{Value}'",
        _ => $"'{Value}'",
    };
}
