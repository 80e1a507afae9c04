using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Grading;

/// <summary>
/// Turns an exercise file into its stub: the same types and members, every body replaced by
/// <c>throw new System.NotImplementedException();</c>. The graded tests are built once against the stubs of the
/// course's exercise files; a learner's answer then only has to keep the same public types and signatures.
/// Because only bodies go, editing a method's body does not change the stub, so the course's build stays valid
/// while a learner works.
/// </summary>
internal static class ExerciseStubs
{
    /// <summary>The stub of one exercise file's source text.</summary>
    public static string Of(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var stubbed = new BodyRemover().Visit(tree.GetRoot());
        return stubbed.ToFullString();
    }

    private sealed class BodyRemover : CSharpSyntaxRewriter
    {
        private static readonly BlockSyntax Throwing = (BlockSyntax)SyntaxFactory.ParseStatement("{ throw new global::System.NotImplementedException(); }");

        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null ? node : Stub(node);

        public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) => Stub(node);

        public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) => Stub(node);

        public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) => Stub(node);

        public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) => Stub(node);

        public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
            node.Body is null && node.ExpressionBody is null
                ? node
                : node.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Throwing).WithTrailingTrivia(node.GetTrailingTrivia());

        public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
        {
            if (node.ExpressionBody is not null)
            {
                var getter = SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, Throwing);
                return node.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(getter)))
                    .WithTrailingTrivia(node.GetTrailingTrivia());
            }

            return base.VisitPropertyDeclaration(node);
        }

        public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
        {
            if (node.ExpressionBody is not null)
            {
                var getter = SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, Throwing);
                return node.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(getter)))
                    .WithTrailingTrivia(node.GetTrailingTrivia());
            }

            return base.VisitIndexerDeclaration(node);
        }

        private static SyntaxNode Stub(BaseMethodDeclarationSyntax node)
        {
            if (node.Body is null && node.ExpressionBody is null)
            {
                return node;
            }

            return node.WithExpressionBody(null).WithSemicolonToken(default).WithBody(Throwing).WithTrailingTrivia(node.GetTrailingTrivia());
        }
    }
}
