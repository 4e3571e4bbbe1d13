package io.dsqlkit.hibernate.internal.sql;

import org.hibernate.Locking;
import org.hibernate.dialect.sql.ast.PostgreSQLSqlAstTranslator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.IllegalQueryOperationException;
import org.hibernate.query.sqm.ComparisonOperator;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.predicate.ComparisonPredicate;
import org.hibernate.sql.ast.tree.predicate.InListPredicate;
import org.hibernate.sql.ast.tree.select.QuerySpec;
import org.hibernate.sql.exec.spi.JdbcOperation;

import java.util.List;

/**
 * PostgreSQL's SQL rendering with DSQL's locking rule: {@code FOR UPDATE} applies to a single
 * table only (DSQL-FACTS §13), so a locking query that reads more than one table locks through
 * follow-on locking (the rows are read, then locked one table at a time), or fails with a clear
 * message when the query disallows follow-on locking. A one-element {@code IN} list renders as
 * {@code =}, which is what DSQL needs on the key of a locking select.
 */
public class DsqlSqlAstTranslator<T extends JdbcOperation> extends PostgreSQLSqlAstTranslator<T> {
    static final String SINGLE_TABLE_MESSAGE = "DSQL applies FOR UPDATE to a single table only (DSQL-FACTS §13);"
            + " this locking query reads several tables: allow follow-on locking or lock the entity by id";

    public DsqlSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
        super(sessionFactory, statement);
    }

    @Override
    protected LockStrategy determineLockingStrategy(QuerySpec querySpec, Locking.FollowOn followOnStrategy) {
        LockStrategy strategy = super.determineLockingStrategy(querySpec, followOnStrategy);
        if (strategy != LockStrategy.CLAUSE || !readsSeveralTables(querySpec)) {
            return strategy;
        }
        if (followOnStrategy == Locking.FollowOn.DISALLOW) {
            throw new IllegalQueryOperationException(SINGLE_TABLE_MESSAGE);
        }
        return followOnStrategy == Locking.FollowOn.IGNORE ? LockStrategy.NONE : LockStrategy.FOLLOW_ON;
    }

    private static boolean readsSeveralTables(QuerySpec querySpec) {
        List<TableGroup> roots = querySpec.getFromClause().getRoots();
        if (roots.size() != 1) {
            return roots.size() > 1;
        }
        TableGroup root = roots.get(0);
        return root.hasRealJoins() || !root.getTableReferenceJoins().isEmpty();
    }

    @Override
    public void visitInListPredicate(InListPredicate inListPredicate) {
        List<Expression> items = inListPredicate.getListExpressions();
        if (items.size() == 1 && !inListPredicate.isNegated()) {
            new ComparisonPredicate(inListPredicate.getTestExpression(), ComparisonOperator.EQUAL, items.get(0))
                    .accept(this);
            return;
        }
        super.visitInListPredicate(inListPredicate);
    }
}
