namespace Kolla.Templates.Jinja;

/// <summary>The kinds of token the Jinja lexer produces.</summary>
internal enum TokenKind
{
    Text,
    VariableBegin,
    VariableEnd,
    BlockBegin,
    BlockEnd,
    Name,
    String,
    Integer,
    Float,
    Operator,
    End,
}
