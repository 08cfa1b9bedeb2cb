using System.Text;
using Esper.Api.Http;
using Esper.Api.Operators;
using Esper.Testing;

namespace Esper.Api.Tests.Operators;

public sealed class PermissionMatrixTests
{
    [Fact]
    public void Every_admin_route_has_a_role_and_the_table_names_no_other_route()
    {
        var adminRoutes = ApiRoutes.All.Where(static r => r.Access == Access.Admin).Select(static r => r.Name).ToHashSet();

        Assert.Empty(adminRoutes.Except(OperatorPermissions.All.Keys));
        Assert.Empty(OperatorPermissions.All.Keys.Except(adminRoutes));
    }

    [Fact]
    public void Docs_print_the_permission_matrix_the_handler_enforces()
    {
        var expected = new StringBuilder();
        expected.Append("| Route | Viewer | Analyst | Admin | Owner | admin key | runtime key |\n|---|---|---|---|---|---|---|\n");
        foreach (var route in ApiRoutes.All)
        {
            expected.Append($"| `{route.Method} {route.Template}` |");
            foreach (var role in OperatorRoles.All)
            {
                var allowed = route.Access == Access.Admin && OperatorRoles.Allows(role, OperatorPermissions.RoleFor(route.Name));
                expected.Append(allowed ? " yes |" : " – |");
            }

            expected.Append(route.Access switch
            {
                Access.Public => " public | public |",
                Access.Operator => " operator token only | operator token only |",
                Access.Runtime => " yes | yes |",
                _ => " yes | – |",
            });
            expected.Append('\n');
        }

        var docs = File.ReadAllText(RepositoryRoot.Combine("docs", "operators.md")).ReplaceLineEndings("\n");

        Assert.True(docs.Contains(expected.ToString(), StringComparison.Ordinal), "docs/operators.md should contain this table:\n" + expected);
    }
}
