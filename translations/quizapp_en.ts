<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%1 (%n learner(s))</source>
        <translation>
            <numerusform>%1 (%n learner)</numerusform>
            <numerusform>%1 (%n learners)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learners in no class (%n)</source>
        <translation>
            <numerusform>Learners in no class (%n)</numerusform>
            <numerusform>Learners in no class (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) added.</source>
        <translation>
            <numerusform>%n learner added.</numerusform>
            <numerusform>%n learners added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) moved to %1.</source>
        <translation>
            <numerusform>%n learner moved to %1.</numerusform>
            <numerusform>%n learners moved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The pack &apos;%1&apos; was installed with %n question(s).</source>
        <translation>
            <numerusform>The pack &apos;%1&apos; was installed with %n question.</numerusform>
            <numerusform>The pack &apos;%1&apos; was installed with %n questions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n module(s)</source>
        <translation>
            <numerusform>%n module</numerusform>
            <numerusform>%n modules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (ages %2, %n question(s))</source>
        <translation>
            <numerusform>%1 (ages %2, %n question)</numerusform>
            <numerusform>%1 (ages %2, %n questions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quiz try(s)</source>
        <translation>
            <numerusform>%n quiz try</numerusform>
            <numerusform>%n quiz tries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) start afresh. The old results are in %1.</source>
        <translation>
            <numerusform>%n learner starts afresh. The old results are in %1.</numerusform>
            <numerusform>%n learners start afresh. The old results are in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>Saved %1 (%n page).</numerusform>
            <numerusform>Saved %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) saved to %1.</source>
        <translation>
            <numerusform>%n answer saved to %1.</numerusform>
            <numerusform>%n answers saved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) saved to %1, one row each.</source>
        <translation>
            <numerusform>%n learner saved to %1, one row each.</numerusform>
            <numerusform>%n learners saved to %1, one row each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read.</source>
        <translation>
            <numerusform>%n file read.</numerusform>
            <numerusform>%n files read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) in the file were left out: they were given before their learner&apos;s progress was reset.</source>
        <translation>
            <numerusform>%n answer in the file was left out: it was given before the learner&apos;s progress was reset.</numerusform>
            <numerusform>%n answers in the file were left out: they were given before their learner&apos;s progress was reset.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) or learner(s) brought up to date.</source>
        <translation>
            <numerusform>%n class or learner brought up to date.</numerusform>
            <numerusform>%n classes or learners brought up to date.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1 (%n time)</numerusform>
            <numerusform>%1 (%n times)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title row(s) above the column names are not learners.</source>
        <translation>
            <numerusform>%n title row above the column names is not a learner.</numerusform>
            <numerusform>%n title rows above the column names are not learners.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) will be added.</source>
        <translation>
            <numerusform>%n learner will be added.</numerusform>
            <numerusform>%n learners will be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more line(s) left out.</source>
        <translation>
            <numerusform>%n more line left out.</numerusform>
            <numerusform>%n more lines left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n learner(s)</source>
        <translation>
            <numerusform>Add %n learner</numerusform>
            <numerusform>Add %n learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickerScreen</name>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
</context>
</TS>
