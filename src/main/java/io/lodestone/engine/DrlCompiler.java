package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** The one DRL compile: of the rule base, and again of the files that parsed when reporting errors. */
final class DrlCompiler {
    private DrlCompiler() {}

    /**
     * Compiles the rule files in one batch, so that a rule file may use types declared in a file that
     * sorts after it. The builder may hold errors.
     */
    static KnowledgeBuilder build(List<RuleSource> sources) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleSource source : sources) {
            batch.add(
                    ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
                            .setSourcePath(source.relativePath()),
                    ResourceType.DRL);
        }
        batch.build();
        return builder;
    }

    /** Compiles the rule files; any error throws, every error located and in file and line order. */
    static KnowledgeBuilder compile(List<RuleSource> sources) throws RulesException {
        List<Diagnostic> tooDeep = DrlNesting.check(sources);
        if (!tooDeep.isEmpty()) {
            throw new RulesException(tooDeep); // the parser recurses per bracket and would overflow the stack
        }
        KnowledgeBuilder builder;
        try {
            builder = build(sources);
        } catch (StackOverflowError e) {
            // DrlNesting catches the usual cause; any other shape still becomes a rule error, not a crash
            throw new RulesException(List.of(Diagnostic.rule(
                    Diagnostic.Kind.RULE_COMPILE,
                    Diagnostic.Location.NONE,
                    "the rule compiler ran out of stack on these rules (deeply nested expressions?)")));
        }
        if (builder.hasErrors()) {
            List<Diagnostic> errors = new ArrayList<>(
                    DrlErrors.withFilesThatParsed(DrlErrors.translate(builder.getErrors(), sources), sources));
            errors.sort(Comparator.comparing((Diagnostic e) -> String.valueOf(e.file()))
                    .thenComparing(e -> e.line() == null ? 0 : e.line()));
            throw new RulesException(errors);
        }
        return builder;
    }
}
