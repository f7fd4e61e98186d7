package io.lodestone.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FactFieldsTest {
    /** Shaped like a declared type: a bean with a wrapper Boolean, a primitive boolean and a getter that throws. */
    public static final class Claim {
        public String getName() {
            return "Kyiv";
        }

        public Boolean getHedged() {
            return true;
        }

        public boolean isSigned() {
            return true;
        }

        private final boolean broken = true;

        public String getBroken() {
            if (broken) {
                throw new IllegalStateException("a getter that fails");
            }
            return "unreachable";
        }
    }

    /** A second class with a field of the same name: the lookup is per class, not per name. */
    public static final class Source {
        public String getName() {
            return "Reuters";
        }
    }

    @Test
    void readsAFieldThroughItsGetGetter() {
        assertEquals("Kyiv", FactFields.get(new Claim(), "name"));
        assertEquals(true, FactFields.get(new Claim(), "hedged"));
    }

    @Test
    void fallsBackToTheIsGetterOfAPrimitiveBoolean() {
        assertEquals(true, FactFields.get(new Claim(), "signed"));
    }

    @Test
    void aFieldTheClassDoesNotHaveIsNullEveryTime() {
        assertNull(FactFields.get(new Claim(), "issuer"));
        assertNull(FactFields.get(new Claim(), "issuer"), "the getters found once are found again");
    }

    @Test
    void aGetterThatThrowsReadsAsNull() {
        assertNull(FactFields.get(new Claim(), "broken"));
    }

    @Test
    void theSameFieldNameOnAnotherClassUsesThatClassesGetter() {
        assertEquals("Kyiv", FactFields.get(new Claim(), "name"));
        assertEquals("Reuters", FactFields.get(new Source(), "name"));
        assertNull(FactFields.get("a string", "name"));
    }

    /** Both forms: a Boolean wrapper's getX and a primitive's isX, as a hand-written bean may have. */
    public static final class BothForms {
        private final boolean failing;

        BothForms(boolean failing) {
            this.failing = failing;
        }

        public Boolean getFlag() {
            if (failing) {
                throw new IllegalStateException("getX fails");
            }
            return false;
        }

        public boolean isFlag() {
            return true;
        }
    }

    @Test
    void getXWinsOverIsXAndIsXAnswersWhenGetXThrows() {
        assertEquals(false, FactFields.get(new BothForms(false), "flag"));
        assertEquals(true, FactFields.get(new BothForms(true), "flag"));
    }
}
