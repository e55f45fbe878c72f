<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Move up: {item}</source>
        <translation>اوپر لے جائیں: {item}</translation>
    </message>
    <message>
        <source>Move down: {item}</source>
        <translation>نیچے لے جائیں: {item}</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>اوپر</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>نیچے</translation>
    </message>
    <message>
        <source>Step {place} of {total}: {item}</source>
        <translation>قدم {place} از {total}: {item}</translation>
    </message>
    <message>
        <source>Drag the steps into the right order, or use the Up and Down buttons.</source>
        <translation>قدموں کو کھینچ کر صحیح ترتیب میں لگائیں، یا اوپر اور نیچے کے بٹن دبائیں۔</translation>
    </message>
    <message>
        <source>Steps to put in order</source>
        <translation>ترتیب میں لگانے والے قدم</translation>
    </message>
    <message>
        <source>in the right place</source>
        <translation>صحیح جگہ پر</translation>
    </message>
    <message>
        <source>not in the right place</source>
        <translation>صحیح جگہ پر نہیں</translation>
    </message>
    <message>
        <source>Tap an item, then tap its partner. Tap a pair again to undo it.</source>
        <translation>پہلے ایک چیز چھوئیں، پھر اس کا جوڑ۔ جوڑ ختم کرنے کے لیے اسے دوبارہ چھوئیں۔</translation>
    </message>
    <message>
        <source>{item}: paired with “{partner}”</source>
        <translation>‏{item}: جوڑ “{partner}” سے ملا ہے</translation>
    </message>
    <message>
        <source>{item}: not paired yet</source>
        <translation>‏{item}: ابھی جوڑ نہیں ملا</translation>
    </message>
    <message>
        <source>Picked up: now tap its partner.</source>
        <translation>چن لیا: اب اس کا جوڑ چھوئیں۔</translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation>✓ درست</translation>
    </message>
    <message>
        <source>✗ Not quite: it matches “{answer}”</source>
        <translation>✗ ابھی نہیں: اس کا جوڑ ہے “{answer}”</translation>
    </message>
    <message>
        <source>Best choice</source>
        <translation>سب سے اچھا انتخاب</translation>
    </message>
    <message>
        <source>Okay choice, but there is a better one</source>
        <translation>ٹھیک انتخاب، مگر اس سے اچھا بھی ہے</translation>
    </message>
    <message>
        <source>Unsafe choice</source>
        <translation>غیر محفوظ انتخاب</translation>
    </message>
    <message>
        <source>Your answer is right</source>
        <translation>آپ کا جواب درست ہے</translation>
    </message>
    <message>
        <source>Your answer: not this one</source>
        <translation>آپ کا جواب: یہ نہیں</translation>
    </message>
    <message>
        <source>The right answer</source>
        <translation>درست جواب</translation>
    </message>
    <message>
        <source>Choose every answer that is right.</source>
        <translation>ہر وہ جواب چنیں جو درست ہے۔</translation>
    </message>
    <message>
        <source>Right choice</source>
        <translation>درست انتخاب</translation>
    </message>
    <message>
        <source>Not one of the right answers</source>
        <translation>یہ درست جوابوں میں سے نہیں</translation>
    </message>
    <message>
        <source>This one was right too</source>
        <translation>یہ بھی درست تھا</translation>
    </message>
    <message>
        <source>Imagine this</source>
        <translation>سوچیں</translation>
    </message>
    <message>
        <source>Imagine this: {situation}</source>
        <translation>سوچیں: {situation}</translation>
    </message>
    <message>
        <source>Your choice: {rating}</source>
        <translation>آپ کا انتخاب: {rating}</translation>
    </message>
    <message>
        <source>True</source>
        <translation>صحیح</translation>
    </message>
    <message>
        <source>False</source>
        <translation>غلط</translation>
    </message>
    <message>
        <source>Type your answer here</source>
        <translation>اپنا جواب یہاں لکھیں</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>آپ کا جواب</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>جانچ لیا گیا</translation>
    </message>
    <message>
        <source>Classes and learners</source>
        <translation>کلاسیں اور طلبہ</translation>
    </message>
    <message>
        <source>Choose a class, then add its learners.</source>
        <translation>کلاس چنیں، پھر اس کے طلبہ شامل کریں۔</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>کلاسیں</translation>
    </message>
    <message>
        <source>Show archived classes and learners</source>
        <translation>آرکائیو کی گئی کلاسیں اور طلبہ بھی دکھائیں</translation>
    </message>
    <message>
        <source>New class…</source>
        <translation>نئی کلاس…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>نام بدلیں…</translation>
    </message>
    <message>
        <source>Rename the class</source>
        <translation>کلاس کا نام بدلیں</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>آرکائیو کریں</translation>
    </message>
    <message>
        <source>Archive the class or bring it back</source>
        <translation>کلاس کو آرکائیو کریں یا واپس لائیں</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Name or nickname</source>
        <translation>نام یا عرفیت</translation>
    </message>
    <message>
        <source>Name of the new learner</source>
        <translation>نئے طالب علم کا نام</translation>
    </message>
    <message>
        <source>Add learner</source>
        <translation>طالب علم شامل کریں</translation>
    </message>
    <message>
        <source>Learners of the class</source>
        <translation>کلاس کے طلبہ</translation>
    </message>
    <message>
        <source>Import a class list file…</source>
        <translation>کلاس کی فہرست کی فائل درآمد کریں…</translation>
    </message>
    <message>
        <source>Save a class list file…</source>
        <translation>کلاس کی فہرست کی فائل محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save the class list file for the other computers</source>
        <translation>دوسرے کمپیوٹروں کے لیے کلاس کی فہرست کی فائل محفوظ کریں</translation>
    </message>
    <message>
        <source>Rename the learner</source>
        <translation>طالب علم کا نام بدلیں</translation>
    </message>
    <message>
        <source>Move to class…</source>
        <translation>کلاس میں بھیجیں…</translation>
    </message>
    <message>
        <source>Archive the learner or bring them back</source>
        <translation>طالب علم کو آرکائیو کریں یا واپس لائیں</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>ہٹائیں…</translation>
    </message>
    <message>
        <source>Remove the learner</source>
        <translation>طالب علم کو ہٹائیں</translation>
    </message>
    <message>
        <source>Class list with pictures (PDF)…</source>
        <translation>تصویروں والی کلاس کی فہرست (PDF)…</translation>
    </message>
    <message>
        <source>Archived learners keep their results but are hidden from the learner picker.</source>
        <translation>آرکائیو کیے گئے طلبہ کے نتائج محفوظ رہتے ہیں، مگر وہ ناموں کی فہرست میں نظر نہیں آتے۔</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n learner(s))</source>
        <translation>
            <numerusform>‏%1 (%n طالب علم)</numerusform>
            <numerusform>‏%1 (%n طلبہ)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — archived</source>
        <translation>‏%1 — آرکائیو</translation>
    </message>
    <message numerus="yes">
        <source>Learners in no class (%n)</source>
        <translation>
            <numerusform>کسی کلاس میں نہیں (%n طالب علم)</numerusform>
            <numerusform>کسی کلاس میں نہیں (%n طلبہ)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>واپس لائیں</translation>
    </message>
    <message>
        <source>No classes yet: make one with &apos;New class…&apos;.</source>
        <translation>ابھی کوئی کلاس نہیں: &apos;نئی کلاس…&apos; سے ایک بنائیں۔</translation>
    </message>
    <message>
        <source>No learners here yet.</source>
        <translation>یہاں ابھی کوئی طالب علم نہیں۔</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>نئی کلاس</translation>
    </message>
    <message>
        <source>Name of the class (for example &apos;Class 6 Blue&apos;):</source>
        <translation>کلاس کا نام (مثلاً &apos;Class 6 Blue&apos; یا &apos;چھٹی نیلی&apos;):</translation>
    </message>
    <message>
        <source>The class &apos;%1&apos; was made. Now add its learners.</source>
        <translation>کلاس &apos;%1&apos; بن گئی۔ اب اس کے طلبہ شامل کریں۔</translation>
    </message>
    <message>
        <source>New name of the class:</source>
        <translation>کلاس کا نیا نام:</translation>
    </message>
    <message>
        <source>Archive the class</source>
        <translation>کلاس آرکائیو کریں</translation>
    </message>
    <message>
        <source>Archive &apos;%1&apos;? Its learners keep their results; the class is hidden until you bring it back.</source>
        <translation>‏&apos;%1&apos; کو آرکائیو کریں؟ اس کے طلبہ کے نتائج محفوظ رہیں گے؛ کلاس تب تک چھپی رہے گی جب تک آپ اسے واپس نہ لائیں۔</translation>
    </message>
    <message>
        <source>Type the learner&apos;s name first.</source>
        <translation>پہلے طالب علم کا نام لکھیں۔</translation>
    </message>
    <message>
        <source>Make a class first with &apos;New class…&apos;.</source>
        <translation>پہلے &apos;نئی کلاس…&apos; سے ایک کلاس بنائیں۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already in this class.</source>
        <translation>‏&apos;%1&apos; پہلے ہی اس کلاس میں ہے۔</translation>
    </message>
    <message>
        <source>If this is another child of the same name, type the father&apos;s name or roll number too.</source>
        <translation>اگر یہ اسی نام کا کوئی اور بچہ ہے تو والد کا نام یا رول نمبر بھی لکھیں۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was added.</source>
        <translation>‏&apos;%1&apos; شامل ہو گیا۔</translation>
    </message>
    <message>
        <source>Already in the class: %1</source>
        <translation>پہلے ہی کلاس میں: %1</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>والد کا نام</translation>
    </message>
    <message>
        <source>Roll number</source>
        <translation>رول نمبر</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>عمر کا گروپ</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>نام نہیں</translation>
    </message>
    <message>
        <source>longer than 60 letters</source>
        <translation>60 حروف سے لمبا</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>دو بار لکھا ہے</translation>
    </message>
    <message>
        <source>the age is not a number or age group; added without one</source>
        <translation>عمر نہ عدد ہے نہ عمر کا گروپ؛ عمر کے بغیر شامل کیا گیا</translation>
    </message>
    <message>
        <source>Check the class list before adding it</source>
        <translation>شامل کرنے سے پہلے کلاس کی فہرست دیکھ لیں</translation>
    </message>
    <message>
        <source>Choose what each column holds. Nothing is added until you press &apos;Add&apos;. Learners without a class column go into %1.</source>
        <translation>چنیں کہ ہر کالم میں کیا ہے۔ &apos;شامل کریں&apos; دبانے تک کچھ شامل نہیں ہوتا۔ جن طلبہ کی کلاس کا کالم نہیں وہ %1 میں جائیں گے۔</translation>
    </message>
    <message numerus="yes">
        <source>%n title row(s) above the column names are not learners.</source>
        <translation>
            <numerusform>کالموں کے ناموں کے اوپر %n عنوان کی قطار طالب علم نہیں ہے۔</numerusform>
            <numerusform>کالموں کے ناموں کے اوپر %n عنوان کی قطاریں طلبہ نہیں ہیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>The class list as read from the file</source>
        <translation>فائل سے پڑھی گئی کلاس کی فہرست</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>اس میں</translation>
    </message>
    <message>
        <source>What column %1 holds</source>
        <translation>کالم %1 میں کیا ہے</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(استعمال نہیں)</translation>
    </message>
    <message>
        <source>What will be added</source>
        <translation>کیا شامل ہوگا</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>شامل کریں</translation>
    </message>
    <message>
        <source>Choose the column that holds the learners&apos; names.</source>
        <translation>وہ کالم چنیں جس میں طلبہ کے نام ہیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) will be added.</source>
        <translation>
            <numerusform>‏%n طالب علم شامل ہوگا۔</numerusform>
            <numerusform>‏%n طلبہ شامل ہوں گے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: &apos;%2&apos; left out (%3).</source>
        <translation>سطر %1: &apos;%2&apos; چھوڑ دیا گیا (%3)۔</translation>
    </message>
    <message numerus="yes">
        <source>%n more line(s) left out.</source>
        <translation>
            <numerusform>مزید %n سطر چھوڑ دی گئی۔</numerusform>
            <numerusform>مزید %n سطریں چھوڑ دی گئیں۔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n learner(s)</source>
        <translation>
            <numerusform>‏%n طالب علم شامل کریں</numerusform>
            <numerusform>‏%n طلبہ شامل کریں</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; was left out (%4)</source>
        <translation>‏%1، سطر %2: &apos;%3&apos; چھوڑ دیا گیا (%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) added.</source>
        <translation>
            <numerusform>‏%n طالب علم شامل ہوا۔</numerusform>
            <numerusform>‏%n طلبہ شامل ہوئے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a class list file</source>
        <translation>کلاس کی فہرست کی فائل درآمد کریں</translation>
    </message>
    <message>
        <source>The class list file was read.</source>
        <translation>کلاس کی فہرست کی فائل پڑھ لی گئی۔</translation>
    </message>
    <message>
        <source>Father&apos;s name (optional)</source>
        <translation>والد کا نام (اختیاری)</translation>
    </message>
    <message>
        <source>Father&apos;s name of the new learner</source>
        <translation>نئے طالب علم کے والد کا نام</translation>
    </message>
    <message>
        <source>Roll number (optional)</source>
        <translation>رول نمبر (اختیاری)</translation>
    </message>
    <message>
        <source>Roll number of the new learner</source>
        <translation>نئے طالب علم کا رول نمبر</translation>
    </message>
    <message>
        <source>Add from a class register (CSV, Excel)…</source>
        <translation>کلاس رجسٹر سے شامل کریں (CSV، Excel)…</translation>
    </message>
    <message>
        <source>Add from a class register</source>
        <translation>کلاس رجسٹر سے شامل کریں</translation>
    </message>
    <message>
        <source>Class registers (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>کلاس رجسٹر (*.csv *.txt *.tsv *.xlsx);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>کچھ شامل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>New class: %1</source>
        <translation>نئی کلاس: %1</translation>
    </message>
    <message>
        <source>Class lists (*.zip *.json *.csv *.txt *.xlsx);;All files (*)</source>
        <translation>کلاس کی فہرستیں (*.zip *.json *.csv *.txt *.xlsx);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Save a class list file</source>
        <translation>کلاس کی فہرست کی فائل محفوظ کریں</translation>
    </message>
    <message>
        <source>quizapp class lists (*.zip *.json);;Class list spreadsheet (*.csv);;All files (*)</source>
        <translation>‏quizapp کلاس فہرستیں (*.zip *.json);;کلاس فہرست کی اسپریڈشیٹ (*.csv);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>The class list of %1 was saved to %2.</source>
        <translation>‏%1 کی کلاس فہرست %2 میں محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>The class list of %1 was saved to %2. Import it on the other computers.</source>
        <translation>کلاس %1 کی فہرست %2 میں محفوظ ہو گئی۔ اسے دوسرے کمپیوٹروں پر درآمد کریں۔</translation>
    </message>
    <message>
        <source>Choose one learner in the list first.</source>
        <translation>پہلے فہرست میں سے ایک طالب علم چنیں۔</translation>
    </message>
    <message>
        <source>New name or nickname:</source>
        <translation>نیا نام یا عرفیت:</translation>
    </message>
    <message>
        <source>Choose one or more learners in the list first.</source>
        <translation>پہلے فہرست میں سے ایک یا زیادہ طلبہ چنیں۔</translation>
    </message>
    <message>
        <source>There is no other class to move to. Make one with &apos;New class…&apos;.</source>
        <translation>بھیجنے کے لیے کوئی اور کلاس نہیں۔ &apos;نئی کلاس…&apos; سے ایک بنائیں۔</translation>
    </message>
    <message>
        <source>Move to class</source>
        <translation>کلاس میں بھیجیں</translation>
    </message>
    <message>
        <source>Move to which class?</source>
        <translation>کس کلاس میں بھیجیں؟</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) moved to %1.</source>
        <translation>
            <numerusform>‏%n طالب علم %1 میں بھیج دیا گیا۔</numerusform>
            <numerusform>‏%n طلبہ %1 میں بھیج دیے گئے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>First, save their results</source>
        <translation>پہلے ان کے نتائج محفوظ کریں</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>‏CSV فائلیں (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was removed: their results must be saved first.</source>
        <translation>کچھ نہیں ہٹایا گیا: پہلے ان کے نتائج محفوظ ہونے چاہییں۔</translation>
    </message>
    <message>
        <source>Nothing was removed: the results could not be saved.</source>
        <translation>کچھ نہیں ہٹایا گیا: نتائج محفوظ نہیں ہو سکے۔</translation>
    </message>
    <message>
        <source>Remove learners</source>
        <translation>طلبہ کو ہٹائیں</translation>
    </message>
    <message>
        <source>Remove %1 and all their answers? Their results were saved to %2. This cannot be undone.</source>
        <translation>‏%1 اور ان کے سب جواب ہٹا دیں؟ ان کے نتائج %2 میں محفوظ ہو گئے ہیں۔ یہ کام واپس نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ہٹائیں</translation>
    </message>
    <message>
        <source>Nothing was removed. Their results were saved to %1.</source>
        <translation>کچھ نہیں ہٹایا گیا۔ ان کے نتائج %1 میں محفوظ ہو گئے ہیں۔</translation>
    </message>
    <message>
        <source>%1 removed. Their results are in %2.</source>
        <translation>‏%1 ہٹا دیے گئے۔ ان کے نتائج %2 میں ہیں۔</translation>
    </message>
    <message>
        <source>Learners in no class</source>
        <translation>جو کسی کلاس میں نہیں</translation>
    </message>
    <message>
        <source>Save the class list</source>
        <translation>کلاس کی فہرست محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>‏PDF فائلیں (*.pdf)</translation>
    </message>
    <message>
        <source>Class list: %1</source>
        <translation>کلاس کی فہرست: %1</translation>
    </message>
    <message>
        <source>The class list was saved to %1.</source>
        <translation>کلاس کی فہرست %1 میں محفوظ ہو گئی۔</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>سوالات درآمد کریں</translation>
    </message>
    <message>
        <source>Questions written for other quiz programs can become a pack: CSV files, Aiken or GIFT text files, and Moodle XML. You see what was converted before anything is installed.</source>
        <translation>دوسرے کوئز پروگراموں کے لیے لکھے گئے سوالات سے پیک بن سکتا ہے: CSV فائلیں، Aiken یا GIFT ٹیکسٹ فائلیں، اور Moodle XML۔ کچھ بھی انسٹال ہونے سے پہلے آپ دیکھ لیں گے کہ کیا بدلا گیا۔</translation>
    </message>
    <message>
        <source>1. Choose the files</source>
        <translation>1۔ فائلیں چنیں</translation>
    </message>
    <message>
        <source>Language of the questions</source>
        <translation>سوالات کی زبان</translation>
    </message>
    <message>
        <source>English</source>
        <translation>انگریزی</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>اردو</translation>
    </message>
    <message>
        <source>The questions are in:</source>
        <translation>سوالات اس زبان میں ہیں:</translation>
    </message>
    <message>
        <source>No files chosen yet.</source>
        <translation>ابھی کوئی فائل نہیں چنی گئی۔</translation>
    </message>
    <message>
        <source>Choose question files…</source>
        <translation>سوالات کی فائلیں چنیں…</translation>
    </message>
    <message>
        <source>2. Install them as a pack</source>
        <translation>2۔ انہیں پیک کے طور پر انسٹال کریں</translation>
    </message>
    <message>
        <source>Title of the new pack</source>
        <translation>نئے پیک کا عنوان</translation>
    </message>
    <message>
        <source>For example: Class 7 revision questions</source>
        <translation>مثلاً: ساتویں کلاس کے دہرائی کے سوالات</translation>
    </message>
    <message>
        <source>Title of the pack:</source>
        <translation>پیک کا عنوان:</translation>
    </message>
    <message>
        <source>Age of the learners</source>
        <translation>طلبہ کی عمر</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>بڑے</translation>
    </message>
    <message>
        <source>Ages %1</source>
        <translation>عمر %1</translation>
    </message>
    <message>
        <source>For learners aged:</source>
        <translation>اس عمر کے طلبہ کے لیے:</translation>
    </message>
    <message>
        <source>Install as a pack</source>
        <translation>پیک کے طور پر انسٹال کریں</translation>
    </message>
    <message>
        <source>Imported packs are marked as drafts. Check them on the &apos;Question packs&apos; page and in a worksheet.</source>
        <translation>درآمد کیے گئے پیک مسودہ کہلاتے ہیں۔ انہیں &apos;سوالات کے پیک&apos; والے صفحے پر اور ورک شیٹ میں جانچ لیں۔</translation>
    </message>
    <message>
        <source>Choose question files</source>
        <translation>سوالات کی فائلیں چنیں</translation>
    </message>
    <message>
        <source>Question banks (*.csv *.gift *.txt *.xml);;All files (*)</source>
        <translation>سوالات کے ذخیرے (*.csv *.gift *.txt *.xml);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Skipped: %1, line %2: &apos;%3&apos;: %4</source>
        <translation>چھوڑ دیا: %1، سطر %2: &apos;%3&apos;: %4</translation>
    </message>
    <message>
        <source>Problem: %1, line %2: %3</source>
        <translation>مسئلہ: %1، سطر %2: %3</translation>
    </message>
    <message>
        <source>Changed: %1, line %2: %3</source>
        <translation>بدلا گیا: %1، سطر %2: %3</translation>
    </message>
    <message>
        <source>%1 question(s) converted into %2 module(s); %3 skipped; %4 warning(s).</source>
        <translation>سوالات بدلے گئے: %1، یونٹ بنے: %2؛ چھوڑے گئے: %3؛ تنبیہات: %4۔</translation>
    </message>
    <message>
        <source>No question could be converted.</source>
        <translation>کوئی سوال نہیں بدلا جا سکا۔</translation>
    </message>
    <message>
        <source>Choose question files first.</source>
        <translation>پہلے سوالات کی فائلیں چنیں۔</translation>
    </message>
    <message>
        <source>The questions were not installed: %1</source>
        <translation>سوالات انسٹال نہیں ہوئے: %1</translation>
    </message>
    <message numerus="yes">
        <source>The pack &apos;%1&apos; was installed with %n question(s).</source>
        <translation>
            <numerusform>پیک &apos;%1&apos; انسٹال ہو گیا، اس میں %n سوال ہے۔</numerusform>
            <numerusform>پیک &apos;%1&apos; انسٹال ہو گیا، اس میں %n سوالات ہیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>جانچا ہوا</translation>
    </message>
    <message>
        <source>draft, not yet reviewed</source>
        <translation>مسودہ، ابھی جانچا نہیں گیا</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>جانچا نہیں گیا</translation>
    </message>
    <message>
        <source>Question packs</source>
        <translation>سوالات کے پیک</translation>
    </message>
    <message>
        <source>A pack holds lessons and quizzes. Install one from a USB stick: choose its folder or its .zip file. It is checked before anything changes.</source>
        <translation>ایک پیک میں اسباق اور کوئز ہوتے ہیں۔ اسے USB سے انسٹال کریں: اس کا فولڈر یا اس کی ‎.zip فائل چنیں۔ کچھ بھی بدلنے سے پہلے اسے جانچا جاتا ہے۔</translation>
    </message>
    <message>
        <source>Install a pack folder…</source>
        <translation>پیک کا فولڈر انسٹال کریں…</translation>
    </message>
    <message>
        <source>Install a pack .zip file…</source>
        <translation>پیک کی ‎.zip فائل انسٹال کریں…</translation>
    </message>
    <message>
        <source>Packs switched on for:</source>
        <translation>ان کے لیے پیک چالو ہیں:</translation>
    </message>
    <message>
        <source>Packs switched on for</source>
        <translation>ان کے لیے پیک چالو ہیں</translation>
    </message>
    <message>
        <source>Packs that cannot be used</source>
        <translation>وہ پیک جو استعمال نہیں ہو سکتے</translation>
    </message>
    <message>
        <source>Learners do not see these packs. Fix the files and install them again.</source>
        <translation>طلبہ کو یہ پیک نظر نہیں آتے۔ فائلیں ٹھیک کریں اور دوبارہ انسٹال کریں۔</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>ساتھ آیا ہوا</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>انسٹال شدہ</translation>
    </message>
    <message>
        <source>Remove this folder…</source>
        <translation>یہ فولڈر ہٹائیں…</translation>
    </message>
    <message>
        <source>Remove the folder %1</source>
        <translation>فولڈر %1 ہٹائیں</translation>
    </message>
    <message>
        <source>No packs yet. Install one with the buttons above.</source>
        <translation>ابھی کوئی پیک نہیں۔ اوپر والے بٹنوں سے ایک انسٹال کریں۔</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>‏%1 — ورژن %2</translation>
    </message>
    <message>
        <source>comes with quizapp</source>
        <translation>‏quizapp کے ساتھ آتا ہے</translation>
    </message>
    <message>
        <source>installed (replaces the one that comes with quizapp)</source>
        <translation>انسٹال شدہ (quizapp کے ساتھ آنے والے کی جگہ)</translation>
    </message>
    <message>
        <source>By: %1</source>
        <translation>بنانے والے: %1</translation>
    </message>
    <message>
        <source>Languages: %1</source>
        <translation>زبانیں: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s)</source>
        <translation>
            <numerusform>‏%n یونٹ</numerusform>
            <numerusform>‏%n یونٹ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>‏%n سوال</numerusform>
            <numerusform>‏%n سوالات</numerusform>
        </translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>کہاں: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (ages %2, %n question(s))</source>
        <translation>
            <numerusform>‏%1 (عمر %2، %n سوال)</numerusform>
            <numerusform>‏%1 (عمر %2، %n سوالات)</numerusform>
        </translation>
    </message>
    <message>
        <source>Learners see this pack</source>
        <translation>طلبہ یہ پیک دیکھتے ہیں</translation>
    </message>
    <message>
        <source>Learners see the pack %1</source>
        <translation>طلبہ پیک %1 دیکھتے ہیں</translation>
    </message>
    <message>
        <source>Remove the pack %1</source>
        <translation>پیک %1 ہٹائیں</translation>
    </message>
    <message>
        <source>Choose the pack&apos;s folder</source>
        <translation>پیک کا فولڈر چنیں</translation>
    </message>
    <message>
        <source>Choose the pack&apos;s .zip file</source>
        <translation>پیک کی ‎.zip فائل چنیں</translation>
    </message>
    <message>
        <source>Pack files (*.zip);;All files (*)</source>
        <translation>پیک فائلیں (*.zip);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; version %2 was installed.</source>
        <translation>‏&apos;%1&apos; ورژن %2 انسٹال ہو گیا۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was updated to version %2. Learners keep their progress.</source>
        <translation>‏&apos;%1&apos; ورژن %2 میں بدل گیا۔ طلبہ کی پیش رفت محفوظ ہے۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; version %2 was installed again.</source>
        <translation>‏&apos;%1&apos; ورژن %2 دوبارہ انسٹال ہو گیا۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was replaced by the older version %2.</source>
        <translation>‏&apos;%1&apos; کی جگہ پرانا ورژن %2 لگ گیا۔</translation>
    </message>
    <message>
        <source>Some texts could be better:</source>
        <translation>کچھ عبارتیں بہتر ہو سکتی ہیں:</translation>
    </message>
    <message>
        <source>Version %1 is installed and &apos;%2&apos; has the older version %3. Install the older one anyway?</source>
        <translation>ورژن %1 انسٹال ہے اور &apos;%2&apos; میں پرانا ورژن %3 ہے۔ پھر بھی پرانا انسٹال کریں؟</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not found, so nothing was installed. Check that the USB stick is in, then choose the pack again.</source>
        <translation>‏&apos;%1&apos; نہیں ملا، اس لیے کچھ انسٹال نہیں ہوا۔ دیکھیں کہ یو ایس بی لگی ہوئی ہے، پھر پیک دوبارہ چنیں۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not installed: another copy of quizapp has the progress data open. Close it and install the pack again.</source>
        <translation>‏&apos;%1&apos; انسٹال نہیں ہوا: quizapp کی ایک اور کاپی نے پیش رفت کا ڈیٹا کھولا ہوا ہے۔ اسے بند کریں اور پیک دوبارہ انسٹال کریں۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be put in the packs folder, so nothing was changed. Check that the disk has room, then install it again.</source>
        <translation>‏&apos;%1&apos; پیکس کے فولڈر میں نہیں رکھا جا سکا، اس لیے کچھ نہیں بدلا۔ دیکھیں کہ ڈسک میں جگہ ہے، پھر دوبارہ انسٹال کریں۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not installed: %2</source>
        <translation>‏&apos;%1&apos; انسٹال نہیں ہوا: %2</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>پرانا ورژن</translation>
    </message>
    <message>
        <source>Install the older version</source>
        <translation>پرانا ورژن انسٹال کریں</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>کچھ نہیں بدلا گیا۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the same id as a pack that comes with quizapp (%2). Installing it puts it in that pack&apos;s place for every learner. Replace the pack that comes with quizapp?</source>
        <translation>‏&apos;%1&apos; کی پہچان (id) وہی ہے جو quizapp کے ساتھ آنے والے پیک (%2) کی ہے۔ اسے انسٹال کرنے سے ہر طالب علم کے لیے یہ اُس پیک کی جگہ لے لے گا۔ کیا quizapp کے ساتھ آنے والا پیک بدل دیں؟</translation>
    </message>
    <message>
        <source>Replace a pack that comes with quizapp</source>
        <translation>‏quizapp کے ساتھ آنے والا پیک بدلیں</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>بدل دیں</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was not installed because it has mistakes. Nothing was changed. Mistakes found:</source>
        <translation>‏&apos;%1&apos; انسٹال نہیں ہوا کیونکہ اس میں غلطیاں ہیں۔ کچھ نہیں بدلا گیا۔ یہ غلطیاں ملیں:</translation>
    </message>
    <message>
        <source>Remove the pack</source>
        <translation>پیک ہٹائیں</translation>
    </message>
    <message>
        <source>Remove &apos;%1&apos;? Learners&apos; answers to it are kept in their results.</source>
        <translation>‏&apos;%1&apos; ہٹا دیں؟ اس کے بارے میں طلبہ کے جواب ان کے نتائج میں محفوظ رہیں گے۔</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was removed.</source>
        <translation>‏&apos;%1&apos; ہٹا دیا گیا۔</translation>
    </message>
    <message>
        <source>The version that comes with quizapp is used again.</source>
        <translation>اب پھر quizapp کے ساتھ آنے والا ورژن استعمال ہو رہا ہے۔</translation>
    </message>
    <message>
        <source>Remove the folder</source>
        <translation>فولڈر ہٹائیں</translation>
    </message>
    <message>
        <source>Remove the folder &apos;%1&apos; and everything in it from the packs folder?</source>
        <translation>کیا فولڈر &apos;%1&apos; اور اس میں موجود سب کچھ پیک کے فولڈر سے ہٹا دیں؟</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; was removed.</source>
        <translation>فولڈر &apos;%1&apos; ہٹا دیا گیا۔</translation>
    </message>
    <message>
        <source>The file could not be used: %1</source>
        <translation>فائل استعمال نہیں ہو سکی: %1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>کلاس</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>تمام کلاسیں</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(کوئی جواب نہیں)</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 سیکنڈ</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>‏%1 سیکنڈ</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 منٹ</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>‏%1 منٹ</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>‏PDF نہیں لکھی جا سکی</translation>
    </message>
    <message>
        <source>✔ Passed (%1%)</source>
        <translation>✔ کامیاب (%1%)</translation>
    </message>
    <message>
        <source>✔ Passed</source>
        <translation>✔ کامیاب</translation>
    </message>
    <message>
        <source>◐ In progress (best %1%)</source>
        <translation>◐ جاری ہے (سب سے اچھے %1%)</translation>
    </message>
    <message>
        <source>◐ In progress</source>
        <translation>◐ جاری ہے</translation>
    </message>
    <message>
        <source>○ Not started</source>
        <translation>○ شروع نہیں کیا</translation>
    </message>
    <message>
        <source>Class report: %1</source>
        <translation>کلاس کی رپورٹ: %1</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>بنانے کی تاریخ: %1</translation>
    </message>
    <message>
        <source>There are no learners in this class yet.</source>
        <translation>اس کلاس میں ابھی کوئی طالب علم نہیں ہے۔</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>یونٹ</translation>
    </message>
    <message>
        <source>No learner has started a module yet.</source>
        <translation>ابھی کسی طالب علم نے کوئی یونٹ شروع نہیں کیا۔</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>‏%1 از %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>‏%1 (%n بار)</numerusform>
            <numerusform>‏%1 (%n بار)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 answers (%3%)</source>
        <translation>‏%2 میں سے %1 جواب (%3%)</translation>
    </message>
    <message>
        <source>best</source>
        <translation>سب سے اچھا</translation>
    </message>
    <message>
        <source>acceptable</source>
        <translation>ٹھیک</translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation>غیر محفوظ</translation>
    </message>
    <message>
        <source>Number the steps 1, 2, 3... in the right order.</source>
        <translation>مراحل کو درست ترتیب میں 1، 2، 3... نمبر دیں۔</translation>
    </message>
    <message>
        <source>Answer key: %1</source>
        <translation>جوابات کی کنجی: %1</translation>
    </message>
    <message>
        <source>Worksheet: %1</source>
        <translation>ورک شیٹ: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Tick one box unless the question asks for more.</source>
        <translation>ایک خانے پر نشان لگائیں، سوائے اس کے کہ سوال ایک سے زیادہ مانگے۔</translation>
    </message>
    <message>
        <source>Key points</source>
        <translation>اہم نکات</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>دستخط</translation>
    </message>
    <message>
        <source>Certificate of completion</source>
        <translation>تکمیل کی سند</translation>
    </message>
    <message>
        <source>This certificate is given to</source>
        <translation>یہ سند دی جاتی ہے</translation>
    </message>
    <message>
        <source>for completing the module</source>
        <translation>یہ یونٹ مکمل کرنے پر</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>تاریخ: %1</translation>
    </message>
    <message>
        <source>Teacher&apos;s signature</source>
        <translation>ٹیچر کے دستخط</translation>
    </message>
    <message>
        <source>✔ Correct</source>
        <translation>✔ درست</translation>
    </message>
    <message>
        <source>✖ Not quite</source>
        <translation>✖ ابھی نہیں</translation>
    </message>
    <message>
        <source>◐ Partly right</source>
        <translation>◐ کچھ درست</translation>
    </message>
    <message>
        <source>★ Best choice</source>
        <translation>★ سب سے اچھا انتخاب</translation>
    </message>
    <message>
        <source>◐ Acceptable choice</source>
        <translation>◐ ٹھیک انتخاب</translation>
    </message>
    <message>
        <source>⚠ Unsafe choice</source>
        <translation>⚠ غیر محفوظ انتخاب</translation>
    </message>
    <message>
        <source>— Not marked</source>
        <translation>— نمبر نہیں دیے گئے</translation>
    </message>
    <message>
        <source>From</source>
        <translation>سے</translation>
    </message>
    <message>
        <source>Only results from a date</source>
        <translation>صرف ایک تاریخ کے بعد کے نتائج</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>اس تاریخ سے</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>تک</translation>
    </message>
    <message>
        <source>Only results until a date</source>
        <translation>صرف ایک تاریخ تک کے نتائج</translation>
    </message>
    <message>
        <source>Until date (included)</source>
        <translation>اس تاریخ تک (یہ دن شامل)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>تمام تاریخیں</translation>
    </message>
    <message>
        <source>From %1 until %2</source>
        <translation>‏%1 سے %2 تک</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>نتائج</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>کلاس:</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>بہتری</translation>
    </message>
    <message>
        <source>Learning gain and questions</source>
        <translation>سیکھنے میں بہتری اور سوالات</translation>
    </message>
    <message>
        <source>Class to show</source>
        <translation>دکھانے والی کلاس</translation>
    </message>
    <message>
        <source>Results views</source>
        <translation>نتائج دیکھنے کے طریقے</translation>
    </message>
    <message>
        <source>Learners and modules</source>
        <translation>طلبہ اور یونٹ</translation>
    </message>
    <message>
        <source>Every answer of the chosen learner</source>
        <translation>چنے گئے طالب علم کا ہر جواب</translation>
    </message>
    <message>
        <source>Answers of the chosen learner</source>
        <translation>چنے گئے طالب علم کے جواب</translation>
    </message>
    <message>
        <source>Quiz and question</source>
        <translation>کوئز اور سوال</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>جواب</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Class grid</source>
        <translation>کلاس کا جدول</translation>
    </message>
    <message>
        <source>Questions missed most come first, with the wrong answers chosen most.</source>
        <translation>سب سے زیادہ غلط ہونے والے سوال پہلے ہیں، اور ساتھ سب سے زیادہ چنے گئے غلط جواب۔</translation>
    </message>
    <message>
        <source>Questions missed most</source>
        <translation>سب سے زیادہ غلط ہونے والے سوال</translation>
    </message>
    <message>
        <source>Learners with both checks</source>
        <translation>دونوں جانچ والے طلبہ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پہلے</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد میں</translation>
    </message>
    <message>
        <source>Gain (points)</source>
        <translation>بہتری (نمبر)</translation>
    </message>
    <message>
        <source>Normalised gain</source>
        <translation>معیاری بہتری</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>سوال</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>جواب</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>آسانی</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>فرق کی صلاحیت</translation>
    </message>
    <message>
        <source>Options chosen</source>
        <translation>چنے گئے جواب</translation>
    </message>
    <message>
        <source>Learning gain (check questions before the lesson and after the quiz)</source>
        <translation>سیکھنے میں بہتری (سبق سے پہلے اور کوئز کے بعد جانچ کے سوال)</translation>
    </message>
    <message>
        <source>Learning gain: learners who answered the check questions before the lesson and again after the quiz. Normalised gain is the share of what they did not know before that they learned (0 to 1).</source>
        <translation>سیکھنے میں بہتری: وہ طلبہ جنہوں نے جانچ کے سوال سبق سے پہلے اور پھر کوئز کے بعد حل کیے۔ معیاری بہتری بتاتی ہے کہ جو بات وہ پہلے نہیں جانتے تھے اس کا کتنا حصہ انہوں نے سیکھا (0 سے 1 تک)۔</translation>
    </message>
    <message>
        <source>Learning gain per module</source>
        <translation>ہر یونٹ میں سیکھنے میں بہتری</translation>
    </message>
    <message>
        <source>Questions: facility is the average score; discrimination compares a question with the rest of the quiz (below 0.2 the question may be unclear or give its answer away).</source>
        <translation>سوالات: آسانی اوسط نمبر ہے؛ فرق کی صلاحیت ایک سوال کو باقی کوئز سے ملاتی ہے (0.2 سے کم ہو تو سوال شاید واضح نہیں یا اس کا جواب خود ہی ظاہر ہو جاتا ہے)۔</translation>
    </message>
    <message>
        <source>Item analysis of quiz questions</source>
        <translation>کوئز کے سوالات کا جائزہ</translation>
    </message>
    <message>
        <source>%1 ⚠ check this question</source>
        <translation>‏%1 ⚠ یہ سوال دیکھیں</translation>
    </message>
    <message>
        <source>Not started by anyone yet: %1</source>
        <translation>ابھی کسی نے شروع نہیں کیے: %1</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>یونٹ</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>غلط</translation>
    </message>
    <message>
        <source>Wrong answers chosen most</source>
        <translation>سب سے زیادہ چنے گئے غلط جواب</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>طالب علم</translation>
    </message>
    <message numerus="yes">
        <source>%n quiz try(s)</source>
        <translation>
            <numerusform>‏%n بار کوئز</numerusform>
            <numerusform>‏%n بار کوئز</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 learner(s), %2 module(s); %3 module(s) passed in all.</source>
        <translation>طلبہ: %1، یونٹ: %2؛ کل کامیاب یونٹ: %3۔</translation>
    </message>
    <message>
        <source>Choose the dates of the results shown</source>
        <translation>دکھائے گئے نتائج کی تاریخیں چنیں</translation>
    </message>
    <message>
        <source>No learners to show. Add learners on the &apos;Classes and learners&apos; page.</source>
        <translation>دکھانے کے لیے کوئی طالب علم نہیں۔ &apos;کلاسیں اور طلبہ&apos; والے صفحے پر طلبہ شامل کریں۔</translation>
    </message>
    <message>
        <source>Find a learner</source>
        <translation>طالب علم تلاش کریں</translation>
    </message>
    <message>
        <source>Find a learner by name, father&apos;s name or roll number</source>
        <translation>نام، والد کے نام یا رول نمبر سے طالب علم تلاش کریں</translation>
    </message>
    <message>
        <source>Showing %1 found.</source>
        <translation>ملنے والے %1 دکھائے جا رہے ہیں۔</translation>
    </message>
    <message>
        <source>✔ passed · ◐ started · ○ not yet</source>
        <translation>‏✔ کامیاب · ◐ شروع · ○ ابھی نہیں</translation>
    </message>
    <message>
        <source>%1 has not answered any quiz yet.</source>
        <translation>‏%1 نے ابھی کوئی کوئز حل نہیں کیا۔</translation>
    </message>
    <message>
        <source>Score %1%</source>
        <translation>نمبر %1%</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>ابھی کامیاب نہیں</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>مکمل نہیں</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>‏%n جواب</numerusform>
            <numerusform>‏%n جواب</numerusform>
        </translation>
    </message>
    <message>
        <source>Every answer of %1</source>
        <translation>‏%1 کا ہر جواب</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>سیٹنگز</translation>
    </message>
    <message>
        <source>Your school</source>
        <translation>آپ کا اسکول</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>اسکول کا نام</translation>
    </message>
    <message>
        <source>School name:</source>
        <translation>اسکول کا نام:</translation>
    </message>
    <message>
        <source>Local help contacts</source>
        <translation>مدد کے لیے مقامی رابطے</translation>
    </message>
    <message>
        <source>For example: Ms Ayesha, school counsellor, room 12</source>
        <translation>مثلاً: مس عائشہ، اسکول کونسلر، کمرہ 12</translation>
    </message>
    <message>
        <source>Whom children can ask for help
(shown on the help card):</source>
        <translation>بچے کس سے مدد مانگ سکتے ہیں
(مدد کے کارڈ پر دکھایا جاتا ہے):</translation>
    </message>
    <message>
        <source>Language for new learners</source>
        <translation>نئے طلبہ کی زبان</translation>
    </message>
    <message>
        <source>Language for new learners:</source>
        <translation>نئے طلبہ کی زبان:</translation>
    </message>
    <message>
        <source>Shuffle questions and answers</source>
        <translation>سوالات اور جوابات کی ترتیب بدلیں</translation>
    </message>
    <message>
        <source>Learners may take a quiz again after passing it</source>
        <translation>کامیاب ہونے کے بعد بھی طلبہ کوئز دوبارہ دے سکتے ہیں</translation>
    </message>
    <message>
        <source>Ask the check questions before each lesson (learning gain)</source>
        <translation>ہر سبق سے پہلے جانچ کے سوال پوچھیں (سیکھنے میں بہتری)</translation>
    </message>
    <message>
        <source>High-contrast colours (easier to see)</source>
        <translation>زیادہ واضح رنگ (دیکھنے میں آسان)</translation>
    </message>
    <message>
        <source>High-contrast colours</source>
        <translation>زیادہ واضح رنگ</translation>
    </message>
    <message>
        <source>Show the example pack to learners (a demo of every question type, not a lesson)</source>
        <translation>نمونہ پیک طلبہ کو دکھائیں (ہر طرح کے سوال کا نمونہ، اصل سبق نہیں)</translation>
    </message>
    <message>
        <source>Show the example pack to learners</source>
        <translation>نمونہ پیک طلبہ کو دکھائیں</translation>
    </message>
    <message>
        <source>Hidden from learners: tick &apos;Show the example pack to learners&apos; in Settings.</source>
        <translation>طلبہ سے چھپا ہے: سیٹنگز میں «نمونہ پیک طلبہ کو دکھائیں» پر نشان لگائیں۔</translation>
    </message>
    <message>
        <source>National contacts (suggested)</source>
        <translation>قومی رابطے (تجویز کردہ)</translation>
    </message>
    <message>
        <source>A suggested list of national numbers. Numbers change and differ by province: check each one for your area, change the list if needed, then tick the box. Learners see it with your school&apos;s contacts only after you confirm it.</source>
        <translation>قومی نمبروں کی ایک تجویز کردہ فہرست۔ نمبر بدلتے رہتے ہیں اور ہر صوبے میں مختلف ہو سکتے ہیں: اپنے علاقے کے لیے ہر نمبر جانچیں، ضرورت ہو تو فہرست بدلیں، پھر خانے پر نشان لگائیں۔ آپ کی تصدیق کے بعد ہی طلبہ یہ فہرست آپ کے اسکول کے رابطوں کے ساتھ دیکھیں گے۔</translation>
    </message>
    <message>
        <source>National contacts</source>
        <translation>قومی رابطے</translation>
    </message>
    <message>
        <source>I checked these contacts: show them to learners</source>
        <translation>میں نے یہ رابطے جانچ لیے ہیں: طلبہ کو دکھائیں</translation>
    </message>
    <message>
        <source>Save national contacts</source>
        <translation>قومی رابطے محفوظ کریں</translation>
    </message>
    <message>
        <source>Use the suggested list</source>
        <translation>تجویز کردہ فہرست استعمال کریں</translation>
    </message>
    <message>
        <source>Confirmed: learners see these contacts.</source>
        <translation>تصدیق شدہ: طلبہ یہ رابطے دیکھتے ہیں۔</translation>
    </message>
    <message>
        <source>Not confirmed: learners do not see these contacts yet.</source>
        <translation>تصدیق نہیں ہوئی: طلبہ ابھی یہ رابطے نہیں دیکھتے۔</translation>
    </message>
    <message>
        <source>The national contacts were saved.</source>
        <translation>قومی رابطے محفوظ ہو گئے۔</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>ماخذ: %1</translation>
    </message>
    <message>
        <source>Sources of the lesson</source>
        <translation>سبق کے ماخذ</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>سیٹنگز محفوظ کریں</translation>
    </message>
    <message>
        <source>Teacher PIN</source>
        <translation>ٹیچر کا PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>موجودہ PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>نیا PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>نیا PIN دوبارہ</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>موجودہ PIN:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>نیا PIN:</translation>
    </message>
    <message>
        <source>New PIN again:</source>
        <translation>نیا PIN دوبارہ:</translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation>‏PIN بدلیں</translation>
    </message>
    <message>
        <source>End of term</source>
        <translation>سیشن کا اختتام</translation>
    </message>
    <message>
        <source>Start learners afresh for a new term. Their results are saved to a file first, and you are asked before anything is cleared.</source>
        <translation>نئے سیشن کے لیے طلبہ کو نئے سرے سے شروع کروائیں۔ پہلے ان کے نتائج ایک فائل میں محفوظ ہوتے ہیں، اور کچھ بھی مٹانے سے پہلے آپ سے پوچھا جاتا ہے۔</translation>
    </message>
    <message>
        <source>Class to reset</source>
        <translation>نئے سرے سے شروع کرنے والی کلاس</translation>
    </message>
    <message>
        <source>Learner to reset</source>
        <translation>نئے سرے سے شروع کرنے والا طالب علم</translation>
    </message>
    <message>
        <source>Reset progress…</source>
        <translation>پیش رفت مٹائیں…</translation>
    </message>
    <message>
        <source>No classes yet</source>
        <translation>ابھی کوئی کلاس نہیں</translation>
    </message>
    <message>
        <source>Everyone in the class</source>
        <translation>کلاس کے سب طلبہ</translation>
    </message>
    <message>
        <source>Save the settings?</source>
        <translation>سیٹنگز محفوظ کریں؟</translation>
    </message>
    <message>
        <source>You changed the settings but did not save them. Save them now?</source>
        <translation>آپ نے سیٹنگز بدلیں لیکن محفوظ نہیں کیں۔ کیا ابھی محفوظ کریں؟</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>سیٹنگز محفوظ ہو گئیں۔</translation>
    </message>
    <message>
        <source>Too many wrong tries. Please wait and try again.</source>
        <translation>بہت زیادہ غلط کوششیں۔ ذرا انتظار کریں اور دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation>موجودہ PIN درست نہیں۔</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>‏PIN بدل گیا۔</translation>
    </message>
    <message>
        <source>There is nobody to reset in this class.</source>
        <translation>اس کلاس میں نئے سرے سے شروع کرنے کے لیے کوئی نہیں۔</translation>
    </message>
    <message>
        <source>First, save the results</source>
        <translation>پہلے نتائج محفوظ کریں</translation>
    </message>
    <message>
        <source>Nothing was reset: the results must be saved first.</source>
        <translation>کچھ نہیں مٹایا گیا: پہلے نتائج محفوظ ہونے چاہییں۔</translation>
    </message>
    <message>
        <source>Nothing was reset: the results could not be saved.</source>
        <translation>کچھ نہیں مٹایا گیا: نتائج محفوظ نہیں ہو سکے۔</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>پیش رفت مٹائیں</translation>
    </message>
    <message>
        <source>Clear every answer and all progress of %1? The results were saved to %2. This cannot be undone.</source>
        <translation>‏%1 کے سب جواب اور ساری پیش رفت مٹا دیں؟ نتائج %2 میں محفوظ ہو گئے ہیں۔ یہ کام واپس نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>مٹائیں</translation>
    </message>
    <message>
        <source>Nothing was reset. The results were saved to %1.</source>
        <translation>کچھ نہیں مٹایا گیا۔ نتائج %1 میں محفوظ ہو گئے ہیں۔</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) start afresh. The old results are in %1.</source>
        <translation>
            <numerusform>‏%n طالب علم نئے سرے سے شروع کرے گا۔ پرانے نتائج %1 میں ہیں۔</numerusform>
            <numerusform>‏%n طلبہ نئے سرے سے شروع کریں گے۔ پرانے نتائج %1 میں ہیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Print and share</source>
        <translation>پرنٹ اور شیئر</translation>
    </message>
    <message>
        <source>Class for reports</source>
        <translation>رپورٹوں کے لیے کلاس</translation>
    </message>
    <message>
        <source>Class report</source>
        <translation>کلاس کی رپورٹ</translation>
    </message>
    <message>
        <source>Every learner&apos;s modules and the questions missed most.</source>
        <translation>ہر طالب علم کے یونٹ اور سب سے زیادہ غلط ہونے والے سوال۔</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>‏PDF کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Save the class report as PDF</source>
        <translation>کلاس کی رپورٹ PDF کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Print the class report</source>
        <translation>کلاس کی رپورٹ پرنٹ کریں</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>اسناد</translation>
    </message>
    <message>
        <source>One page for each module a learner passed, with your school&apos;s name.</source>
        <translation>ہر اس یونٹ کے لیے ایک صفحہ جس میں طالب علم کامیاب ہوا، آپ کے اسکول کے نام کے ساتھ۔</translation>
    </message>
    <message>
        <source>Save the certificates as PDF</source>
        <translation>اسناد PDF کے طور پر محفوظ کریں</translation>
    </message>
    <message>
        <source>Print the certificates</source>
        <translation>اسناد پرنٹ کریں</translation>
    </message>
    <message>
        <source>Worksheets</source>
        <translation>ورک شیٹس</translation>
    </message>
    <message>
        <source>A module&apos;s questions on paper, and the answer key for you.</source>
        <translation>کاغذ پر ایک یونٹ کے سوالات، اور آپ کے لیے جوابات کی کنجی۔</translation>
    </message>
    <message>
        <source>Module for the worksheet</source>
        <translation>ورک شیٹ کا یونٹ</translation>
    </message>
    <message>
        <source>Worksheet (PDF)…</source>
        <translation>ورک شیٹ (PDF)…</translation>
    </message>
    <message>
        <source>Answer key (PDF)…</source>
        <translation>جوابات کی کنجی (PDF)…</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>اسپریڈ شیٹ</translation>
    </message>
    <message>
        <source>Save results as CSV…</source>
        <translation>نتائج CSV کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Every answer as one line of a CSV file, for a spreadsheet program; or a mark sheet: a row per learner, a column per module.</source>
        <translation>ہر جواب CSV فائل کی ایک سطر میں، اسپریڈشیٹ پروگرام کے لیے؛ یا نمبروں کی شیٹ: ہر طالب علم کی ایک قطار، ہر یونٹ کا ایک کالم۔</translation>
    </message>
    <message>
        <source>Mark sheet (CSV)…</source>
        <translation>نمبروں کی شیٹ (CSV)…</translation>
    </message>
    <message>
        <source>Save one row per learner with a column per module as CSV, as Moodle&apos;s grades export</source>
        <translation>ہر طالب علم کی ایک قطار اور ہر یونٹ کا ایک کالم CSV میں محفوظ کریں، جیسے Moodle کے نمبروں کی فائل</translation>
    </message>
    <message>
        <source>Results from other computers</source>
        <translation>دوسرے کمپیوٹروں کے نتائج</translation>
    </message>
    <message>
        <source>Bring together the results of several computers: save a results file on each, then import them all here. Importing the same file twice changes nothing.</source>
        <translation>کئی کمپیوٹروں کے نتائج اکٹھے کریں: ہر ایک پر نتائج کی فائل محفوظ کریں، پھر سب کو یہاں درآمد کریں۔ ایک ہی فائل دو بار درآمد کرنے سے کچھ نہیں بدلتا۔</translation>
    </message>
    <message>
        <source>Import results files…</source>
        <translation>نتائج کی فائلیں درآمد کریں…</translation>
    </message>
    <message>
        <source>Save this computer&apos;s results file…</source>
        <translation>اس کمپیوٹر کے نتائج کی فائل محفوظ کریں…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>‏%1 محفوظ ہو گیا (%n صفحہ)۔</numerusform>
            <numerusform>‏%1 محفوظ ہو گیا (%n صفحات)۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Score: %1%</source>
        <translation>نمبر: %1%</translation>
    </message>
    <message>
        <source>No learner in this class has passed a module yet, so there are no certificates.</source>
        <translation>اس کلاس میں ابھی کوئی طالب علم کسی یونٹ میں کامیاب نہیں ہوا، اس لیے کوئی سند نہیں۔</translation>
    </message>
    <message>
        <source>Certificates: %1</source>
        <translation>اسناد: %1</translation>
    </message>
    <message>
        <source>There is no module to print. Install a pack first.</source>
        <translation>پرنٹ کرنے کے لیے کوئی یونٹ نہیں۔ پہلے ایک پیک انسٹال کریں۔</translation>
    </message>
    <message>
        <source>Save results as CSV</source>
        <translation>نتائج CSV کے طور پر محفوظ کریں</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) saved to %1.</source>
        <translation>
            <numerusform>‏%n جواب %1 میں محفوظ ہو گیا۔</numerusform>
            <numerusform>‏%n جواب %1 میں محفوظ ہو گئے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Save one row per learner as CSV</source>
        <translation>ہر طالب علم کی ایک قطار CSV میں محفوظ کریں</translation>
    </message>
    <message>
        <source>Modules passed</source>
        <translation>کامیاب یونٹ</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) saved to %1, one row each.</source>
        <translation>
            <numerusform>‏%n طالب علم %1 میں محفوظ، ہر ایک کی ایک قطار۔</numerusform>
            <numerusform>‏%n طلبہ %1 میں محفوظ، ہر ایک کی ایک قطار۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Save this computer&apos;s results file</source>
        <translation>اس کمپیوٹر کے نتائج کی فائل محفوظ کریں</translation>
    </message>
    <message>
        <source>quizapp results (*.zip)</source>
        <translation>‏quizapp نتائج (*.zip)</translation>
    </message>
    <message>
        <source>This computer&apos;s results were saved to %1. Import that file on the other computer.</source>
        <translation>اس کمپیوٹر کے نتائج %1 میں محفوظ ہو گئے۔ یہ فائل دوسرے کمپیوٹر پر درآمد کریں۔</translation>
    </message>
    <message>
        <source>Import results files</source>
        <translation>نتائج کی فائلیں درآمد کریں</translation>
    </message>
    <message>
        <source>quizapp results (*.zip *.json);;All files (*)</source>
        <translation>‏quizapp نتائج (*.zip *.json);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>%1: not imported. %2</source>
        <translation>‏%1: درآمد نہیں ہوا۔ %2</translation>
    </message>
    <message>
        <source>The pack &apos;%1&apos; (%2) is not installed here: its results show with the titles the file carried. Install it on the Packs page to see its lessons and questions.</source>
        <translation>پیک &apos;%1&apos; (%2) یہاں انسٹال نہیں ہے: اس کے نتائج فائل میں آئے عنوانات کے ساتھ دکھائے جا رہے ہیں۔ اس کے سبق اور سوال دیکھنے کے لیے اسے پیک کے صفحے پر انسٹال کریں۔</translation>
    </message>
    <message>
        <source>%1: %2 new learner(s), %3 new answer(s), %4 new quiz try(s).</source>
        <translation>‏%1: نئے طلبہ: %2، نئے جواب: %3، نئی کوئز کوششیں: %4۔</translation>
    </message>
    <message>
        <source>%1: nothing new (everything in it was already here).</source>
        <translation>‏%1: کچھ نیا نہیں (اس میں سب کچھ پہلے سے یہاں تھا)۔</translation>
    </message>
    <message>
        <source>Left out %1: this learner was removed on this computer.</source>
        <translation>‏%1 کو چھوڑ دیا: یہ طالب علم اس کمپیوٹر پر ہٹایا جا چکا ہے۔</translation>
    </message>
    <message>
        <source>%1 was merged into another learner before: what the file holds of them was added to that learner.</source>
        <translation>‏%1 کو پہلے ہی کسی دوسرے طالب علم کے ساتھ ایک کیا جا چکا ہے: فائل میں اس کا جو کام تھا وہ اسی طالب علم میں شامل کر دیا گیا۔</translation>
    </message>
    <message>
        <source>%1 was merged into %2 before: what the file holds of them was added to %2.</source>
        <translation>‏%1 کو پہلے ہی %2 کے ساتھ ایک کیا جا چکا ہے: فائل میں اس کا جو کام تھا وہ %2 میں شامل کر دیا گیا۔</translation>
    </message>
    <message>
        <source>%1 was merged into %2 here too, as on the computer the file came from.</source>
        <translation>‏%1 کو یہاں بھی %2 کے ساتھ ایک کر دیا گیا، جیسے اس کمپیوٹر پر کیا گیا تھا جہاں سے فائل آئی ہے۔</translation>
    </message>
    <message>
        <source>The older progress of %1 was cleared here: it was reset on the other computer.</source>
        <translation>یہاں %1 کی پرانی پیش رفت مٹا دی گئی: دوسرے کمپیوٹر پر اسے نئے سرے سے شروع کیا گیا تھا۔</translation>
    </message>
    <message>
        <source>The clock of %1 was ahead: it dates the reset of %2&apos;s progress %3 UTC. Only the answers that reset had seen were cleared, so no answer given since is lost. Set the date and time of %1 right.</source>
        <translation>‏%1 کی گھڑی آگے تھی: اس پر %2 کی پیش رفت نئے سرے سے شروع کرنے کی تاریخ %3 UTC لکھی ہے۔ صرف وہی جوابات مٹائے گئے جو اس وقت تک وہاں پہنچ چکے تھے، اس لیے بعد میں دیا گیا کوئی جواب ضائع نہیں ہوا۔ %1 کی تاریخ اور وقت درست کریں۔</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) in the file were left out: they were given before their learner&apos;s progress was reset.</source>
        <translation>
            <numerusform>فائل کا %n جواب شامل نہیں کیا گیا: یہ طالب علم کی پیش رفت مٹائے جانے سے پہلے دیا گیا تھا۔</numerusform>
            <numerusform>فائل کے %n جواب شامل نہیں کیے گئے: یہ طالب علم کی پیش رفت مٹائے جانے سے پہلے دیے گئے تھے۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Check: there are now two classes called &apos;%1&apos;. If they are the same class, move its learners into one and archive the other.</source>
        <translation>دیکھ لیں: اب &apos;%1&apos; نام کی دو کلاسیں ہیں۔ اگر یہ ایک ہی کلاس ہے تو اس کے سب طلبہ ایک کلاس میں بھیج دیں اور دوسری کو آرکائیو کر دیں۔</translation>
    </message>
    <message>
        <source>Check: there are now two learners called &apos;%1&apos;. If they are the same child, keep using one and archive the other.</source>
        <translation>دیکھ لیں: اب &apos;%1&apos; نام کے دو طالب علم ہیں۔ اگر یہ ایک ہی بچہ ہے تو ایک کو استعمال کرتے رہیں اور دوسرے کو آرکائیو کر دیں۔</translation>
    </message>
    <message>
        <source>%1: %2 new class(es), %3 new learner(s).</source>
        <translation>‏%1: نئی کلاسیں: %2، نئے طلبہ: %3۔</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) or learner(s) brought up to date.</source>
        <translation>
            <numerusform>‏%n کلاس یا طالب علم کی معلومات تازہ کی گئیں۔</numerusform>
            <numerusform>‏%n کلاسوں یا طلبہ کی معلومات تازہ کی گئیں۔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read.</source>
        <translation>
            <numerusform>‏%n فائل پڑھی گئی۔</numerusform>
            <numerusform>‏%n فائلیں پڑھی گئیں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Some learners look alike: decide below whether they are the same child.</source>
        <translation>کچھ طلبہ ایک جیسے لگتے ہیں: نیچے فیصلہ کریں کہ کیا یہ ایک ہی بچہ ہے۔</translation>
    </message>
    <message>
        <source>Learners who look alike</source>
        <translation>ملتے جلتے طلبہ</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation>‏ (%1 میں)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;%2 is here twice.</source>
        <translation>‏&apos;%1&apos;%2 یہاں دو بار ہے۔</translation>
    </message>
    <message>
        <source>no father&apos;s name or roll number</source>
        <translation>والد کا نام یا رول نمبر نہیں</translation>
    </message>
    <message>
        <source>On this computer: %1. From the file: %2.</source>
        <translation>اس کمپیوٹر پر: %1۔ فائل سے: %2۔</translation>
    </message>
    <message>
        <source>Two different children: keep separate</source>
        <translation>دو الگ بچے: الگ رکھیں</translation>
    </message>
    <message>
        <source>The same child: merge into one</source>
        <translation>ایک ہی بچہ: ایک کر دیں</translation>
    </message>
    <message>
        <source>What to do with %1</source>
        <translation>‏%1 کا کیا کریں</translation>
    </message>
    <message>
        <source>Apply these choices</source>
        <translation>یہ انتخاب لاگو کریں</translation>
    </message>
    <message>
        <source>%1 merged, %2 kept separate.</source>
        <translation>ایک کیے گئے: %1، الگ رکھے گئے: %2۔</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>فائل %1، سطر %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>فائل %1: %2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیغام</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>ہو گیا</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مسئلہ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تبدیلیاں چھوڑ دیں</translation>
    </message>
    <message>
        <source>Stay here</source>
        <translation>یہیں رہیں</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…اور %n مزید۔</numerusform>
            <numerusform>…اور %n مزید۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Check the progress data</source>
        <translation>پیش رفت کے ڈیٹا کی جانچ</translation>
    </message>
    <message>
        <source>quizapp checks its data quickly at every start and fully once a week on its own.</source>
        <translation>‏quizapp ہر بار شروع ہوتے وقت اپنے ڈیٹا کی جلد جانچ کرتا ہے، اور ہفتے میں ایک بار خود پوری جانچ کرتا ہے۔</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>ابھی جانچیں</translation>
    </message>
    <message>
        <source>Check the progress data now</source>
        <translation>پیش رفت کا ڈیٹا ابھی جانچیں</translation>
    </message>
    <message>
        <source>Not checked fully yet.</source>
        <translation>ابھی تک پوری جانچ نہیں ہوئی۔</translation>
    </message>
    <message>
        <source>Last full check: {when}. No problems found.</source>
        <translation>آخری پوری جانچ: {when}۔ کوئی مسئلہ نہیں ملا۔</translation>
    </message>
    <message>
        <source>Last full check: {when}. A problem was found: {problem}. Close quizapp and open it again: it restores the newest good backup (the damaged file is kept).</source>
        <translation>آخری پوری جانچ: {when}۔ ایک مسئلہ ملا: {problem}۔ quizapp بند کر کے دوبارہ کھولیں: یہ سب سے نیا درست بیک اپ واپس لے آئے گا (خراب فائل محفوظ رہے گی)۔</translation>
    </message>
    <message>
        <source>Checking… learners can carry on.</source>
        <translation>جانچ ہو رہی ہے… طلبہ کام جاری رکھ سکتے ہیں۔</translation>
    </message>
    <message>
        <source>The check could not run. See the log in the data folder.</source>
        <translation>جانچ نہیں ہو سکی۔ ڈیٹا فولڈر میں لاگ دیکھیں۔</translation>
    </message>
    <message>
        <source>Play a soft sound when a learner answers right</source>
        <translation>جب طالب علم درست جواب دے تو ہلکی سی آواز چلائیں</translation>
    </message>
    <message>
        <source>Well done!</source>
        <translation>شاباش!</translation>
    </message>
    <message>
        <source>Great thinking!</source>
        <translation>بہت خوب سوچا!</translation>
    </message>
    <message>
        <source>You got it!</source>
        <translation>آپ نے ٹھیک بتایا!</translation>
    </message>
    <message>
        <source>Super!</source>
        <translation>زبردست!</translation>
    </message>
    <message>
        <source>Nice work!</source>
        <translation>بہت اچھے!</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>پڑھ کر سنانا</translation>
    </message>
    <message>
        <source>Recorded narration in packs plays when a learner presses the speaker button or F2.</source>
        <translation>جب طالب علم اسپیکر کا بٹن یا F2 دباتا ہے تو پیک میں ریکارڈ کی گئی آواز سنائی دیتی ہے۔</translation>
    </message>
    <message>
        <source>No reading voice on this computer: texts without a recording are not read aloud. Installing espeak-ng adds one (English and Urdu).</source>
        <translation>اس کمپیوٹر پر پڑھنے والی آواز نہیں ہے: جن عبارتوں کی ریکارڈنگ نہیں، وہ پڑھ کر نہیں سنائی جاتیں۔ espeak-ng انسٹال کرنے سے یہ آواز مل جاتی ہے (انگریزی اور اردو)۔</translation>
    </message>
    <message>
        <source>Reading voice: {program} reads texts without a recording in {languages}.</source>
        <translation>پڑھنے والی آواز: {program} بغیر ریکارڈنگ والی عبارتیں {languages} میں پڑھتا ہے۔</translation>
    </message>
    <message>
        <source>Read texts that have no recording with this voice</source>
        <translation>جن عبارتوں کی ریکارڈنگ نہیں، انہیں اسی آواز سے پڑھ کر سنائیں</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>پہلے ایک جواب چنیں۔</translation>
    </message>
    <message>
        <source>Type your answer first.</source>
        <translation>پہلے اپنا جواب لکھیں۔</translation>
    </message>
    <message>
        <source>Choose a match for every item first.</source>
        <translation>پہلے ہر ایک کا جوڑ چنیں۔</translation>
    </message>
    <message>
        <source>Tap the parts of the message that look like a trick first.</source>
        <translation>پہلے پیغام کے وہ حصے چھوئیں جو دھوکا لگتے ہیں۔</translation>
    </message>
    <message>
        <source>Tick every part of the message that is a warning sign.</source>
        <translation>پیغام کے ہر اس حصے پر نشان لگائیں جو خطرے کی علامت ہے۔</translation>
    </message>
    <message>
        <source>marked as suspicious</source>
        <translation>مشکوک کا نشان لگا ہے</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>نشان نہیں لگا</translation>
    </message>
    <message>
        <source>right</source>
        <translation>درست</translation>
    </message>
    <message>
        <source>not right</source>
        <translation>درست نہیں</translation>
    </message>
    <message>
        <source>{part}: {state}</source>
        <translation>{part}: {state}</translation>
    </message>
    <message>
        <source>Tap each part of the message that looks like a trick. Tap it again to take the mark away.</source>
        <translation>پیغام کا ہر وہ حصہ چھوئیں جو دھوکا لگتا ہے۔ نشان ہٹانے کے لیے دوبارہ چھوئیں۔</translation>
    </message>
    <message>
        <source>Parts marked: {count}</source>
        <translation>نشان زد حصے: {count}</translation>
    </message>
    <message>
        <source>✓ You spotted it.</source>
        <translation>✓ آپ نے پکڑ لیا۔</translation>
    </message>
    <message>
        <source>✗ You missed this warning sign.</source>
        <translation>✗ یہ خطرے کی علامت آپ سے رہ گئی۔</translation>
    </message>
    <message>
        <source>✗ This part is not a warning sign.</source>
        <translation>✗ یہ حصہ خطرے کی علامت نہیں۔</translation>
    </message>
    <message>
        <source>✓ Nothing wrong here.</source>
        <translation>✓ یہاں کچھ غلط نہیں۔</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Please close other copies of quizapp, or ask your teacher.</source>
        <translation>‏quizapp کی دوسری کھلی کاپیاں بند کریں، یا اپنے ٹیچر سے پوچھیں۔</translation>
    </message>
</context>
<context>
    <name>Avatars</name>
    <message>
        <source>Bear</source>
        <translation>ریچھ</translation>
    </message>
    <message>
        <source>Cat</source>
        <translation>بلی</translation>
    </message>
    <message>
        <source>Chick</source>
        <translation>چوزہ</translation>
    </message>
    <message>
        <source>Dog</source>
        <translation>کتا</translation>
    </message>
    <message>
        <source>Fox</source>
        <translation>لومڑی</translation>
    </message>
    <message>
        <source>Frog</source>
        <translation>مینڈک</translation>
    </message>
    <message>
        <source>Lion</source>
        <translation>شیر</translation>
    </message>
    <message>
        <source>Owl</source>
        <translation>اُلو</translation>
    </message>
    <message>
        <source>Panda</source>
        <translation>پانڈا</translation>
    </message>
    <message>
        <source>Penguin</source>
        <translation>پینگوئن</translation>
    </message>
    <message>
        <source>Rabbit</source>
        <translation>خرگوش</translation>
    </message>
    <message>
        <source>Turtle</source>
        <translation>کچھوا</translation>
    </message>
</context>
<context>
    <name>CheckScreen</name>
    <message>
        <source>Let&apos;s see what you already know. Choose what you think; you will not be marked, and it is fine not to know yet.</source>
        <translation>آئیں دیکھیں آپ پہلے سے کیا جانتے ہیں۔ جو آپ کو ٹھیک لگے وہ چنیں؛ اس کے نمبر نہیں لگیں گے، اور ابھی نہ جاننا بالکل ٹھیک ہے۔</translation>
    </message>
    <message>
        <source>Well done! A few more questions to see what you know now. They do not change your score.</source>
        <translation>شاباش! چند اور سوال، یہ دیکھنے کے لیے کہ اب آپ کیا جانتے ہیں۔ ان سے آپ کے نمبر نہیں بدلیں گے۔</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>سوال {number} از {total}</translation>
    </message>
    <message>
        <source>My modules</source>
        <translation>میرے یونٹ</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>واپس میرے یونٹ پر</translation>
    </message>
    <message>
        <source>This answer was not saved. Tell your teacher.</source>
        <translation>یہ جواب محفوظ نہیں ہوا۔ اپنے ٹیچر کو بتائیں۔</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>ختم کریں</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>اگلا سوال</translation>
    </message>
    <message>
        <source>Choose a match for every item first.</source>
        <translation>پہلے ہر ایک کا جوڑ چنیں۔</translation>
    </message>
    <message>
        <source>Type your answer first.</source>
        <translation>پہلے اپنا جواب لکھیں۔</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>پہلے ایک جواب چنیں۔</translation>
    </message>
</context>
<context>
    <name>ContrastToggle</name>
    <message>
        <source>Strong colours</source>
        <translation>گہرے رنگ</translation>
    </message>
    <message>
        <source>Strong colours: black on white, easier to see</source>
        <translation>گہرے رنگ: سفید پر کالا، دیکھنے میں آسان</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>کچھ گڑبڑ ہو گئی</translation>
    </message>
    <message>
        <source>Sorry, something did not work. You can carry on; if it happens again, please tell your teacher.</source>
        <translation>معاف کیجیے، کچھ کام نہیں کیا۔ آپ جاری رکھ سکتے ہیں؛ اگر دوبارہ ایسا ہو تو اپنے ٹیچر کو بتائیں۔</translation>
    </message>
</context>
<context>
    <name>HelpCardScreen</name>
    <message>
        <source>Who to tell</source>
        <translation>کس کو بتائیں</translation>
    </message>
    <message>
        <source>If anything online makes you feel worried, scared or unsure, you are not in trouble. Stop, and tell:</source>
        <translation>اگر آن لائن کوئی بات آپ کو پریشان، خوف زدہ یا الجھن میں ڈالے، تو آپ کی کوئی غلطی نہیں۔ رک جائیں، اور بتائیں:</translation>
    </message>
    <message>
        <source>If something online worries you about a child, you do not have to act alone. Talk to:</source>
        <translation>اگر آن لائن کوئی بات آپ کو کسی بچے کے بارے میں فکر مند کرے تو آپ کو اکیلے قدم اٹھانے کی ضرورت نہیں۔ ان سے بات کریں:</translation>
    </message>
    <message>
        <source>Do not reply. Keep the messages to show them. Block and report the account.</source>
        <translation>جواب نہ دیں۔ پیغامات دکھانے کے لیے سنبھال کر رکھیں۔ اکاؤنٹ کو بلاک کریں اور رپورٹ کریں۔</translation>
    </message>
    <message>
        <source>See my results</source>
        <translation>میرے نتائج دیکھیں</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Your picture</source>
        <translation>آپ کی تصویر</translation>
    </message>
    <message>
        <source>Hello, {name}!</source>
        <translation>السلام علیکم، {name}!</translation>
    </message>
    <message>
        <source>Not you? Change</source>
        <translation>آپ نہیں؟ بدلیں</translation>
    </message>
    <message>
        <source>Choose a different learner</source>
        <translation>کوئی اور طالب علم چنیں</translation>
    </message>
    <message>
        <source>My modules</source>
        <translation>میرے یونٹ</translation>
    </message>
    <message>
        <source>There are no modules for you yet. Please ask your teacher.</source>
        <translation>ابھی آپ کے لیے کوئی یونٹ نہیں۔ اپنے ٹیچر سے پوچھیں۔</translation>
    </message>
    <message>
        <source>You passed every module. Well done!</source>
        <translation>آپ ہر یونٹ میں کامیاب ہو گئے۔ شاباش!</translation>
    </message>
    <message>
        <source>You can open any module again to practise.</source>
        <translation>مشق کے لیے آپ کوئی بھی یونٹ دوبارہ کھول سکتے ہیں۔</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>جاری رکھیں</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <source>Lesson: part {number} of {total}</source>
        <translation>سبق: حصہ {number} از {total}</translation>
    </message>
    <message>
        <source>Quiz: question {number} of {total}</source>
        <translation>کوئز: سوال {number} از {total}</translation>
    </message>
    <message>
        <source>See your results and try again</source>
        <translation>اپنے نتائج دیکھیں اور دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>Continue: {module}, {where}</source>
        <translation>جاری رکھیں: {module}، {where}</translation>
    </message>
    <message>
        <source>How old are you?</source>
        <translation>آپ کی عمر کیا ہے؟</translation>
    </message>
    <message>
        <source>Choose once, and you will see the modules for your age.</source>
        <translation>ایک بار چن لیں، پھر آپ کو اپنی عمر کے یونٹ نظر آئیں گے۔</translation>
    </message>
    <message>
        <source>Parent or teacher</source>
        <translation>والدین یا استاد</translation>
    </message>
    <message>
        <source>A grown-up: a parent or a teacher</source>
        <translation>بڑے: والدین یا استاد</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>‏{low} سے {high}</translation>
    </message>
    <message>
        <source>{low} to {high} years old</source>
        <translation>‏{low} سے {high} سال</translation>
    </message>
</context>
<context>
    <name>LanguageToggle</name>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Show everything in {language}</source>
        <translation>سب کچھ {language} میں دکھائیں</translation>
    </message>
</context>
<context>
    <name>LessonScreen</name>
    <message>
        <source>My modules</source>
        <translation>میرے یونٹ</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>واپس میرے یونٹ پر</translation>
    </message>
    <message>
        <source>Part {number} of {total}</source>
        <translation>حصہ {number} از {total}</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>یاد رکھیں</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>پیچھے</translation>
    </message>
    <message>
        <source>Back: the part before</source>
        <translation>پیچھے: پچھلا حصہ</translation>
    </message>
    <message>
        <source>Start the quiz</source>
        <translation>کوئز شروع کریں</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>آگے</translation>
    </message>
    <message>
        <source>Next part</source>
        <translation>اگلا حصہ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>quizapp: staying safe online</source>
        <translation>‏quizapp: آن لائن محفوظ رہیں</translation>
    </message>
    <message>
        <source>Teacher area</source>
        <translation>ٹیچر کا حصہ</translation>
    </message>
    <message>
        <source>The teacher area is not available in this copy of quizapp.</source>
        <translation>‏quizapp کی اس کاپی میں ٹیچر کا حصہ موجود نہیں۔</translation>
    </message>
</context>
<context>
    <name>ModuleTile</name>
    <message>
        <source>Badge: you passed this module</source>
        <translation>بیج: آپ اس یونٹ میں کامیاب ہو گئے</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>شروع نہیں کیا</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>جاری ہے</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>کامیاب</translation>
    </message>
    <message>
        <source>Best score: {score}%</source>
        <translation>سب سے اچھے نمبر: {score}%</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>جاری رکھیں</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>دوبارہ کھولیں</translation>
    </message>
    <message>
        <source>{action}: {module}</source>
        <translation>{action}: {module}</translation>
    </message>
</context>
<context>
    <name>NewLearnerScreen</name>
    <message>
        <source>No class</source>
        <translation>کوئی کلاس نہیں</translation>
    </message>
    <message>
        <source>Welcome! Tell us about you</source>
        <translation>خوش آمدید! اپنے بارے میں بتائیں</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>پیچھے</translation>
    </message>
    <message>
        <source>Back to the list of learners</source>
        <translation>واپس ناموں کی فہرست پر</translation>
    </message>
    <message>
        <source>Your name or nickname</source>
        <translation>آپ کا نام یا عرفیت</translation>
    </message>
    <message>
        <source>For example: Ayesha</source>
        <translation>مثلاً: عائشہ</translation>
    </message>
    <message>
        <source>Pick a picture</source>
        <translation>ایک تصویر چنیں</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>تصویریں</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>How old are you?</source>
        <translation>آپ کی عمر کیا ہے؟</translation>
    </message>
    <message>
        <source>Parent or teacher</source>
        <translation>والدین یا استاد</translation>
    </message>
    <message>
        <source>A grown-up: a parent or a teacher</source>
        <translation>بڑے: والدین یا استاد</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>‏{low} سے {high}</translation>
    </message>
    <message>
        <source>{low} to {high} years old</source>
        <translation>‏{low} سے {high} سال</translation>
    </message>
    <message>
        <source>Or choose your class</source>
        <translation>یا اپنی کلاس چنیں</translation>
    </message>
    <message>
        <source>Your class</source>
        <translation>آپ کی کلاس</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>سیکھنا شروع کریں</translation>
    </message>
    <message>
        <source>Please type your name or a nickname.</source>
        <translation>اپنا نام یا عرفیت لکھیں۔</translation>
    </message>
    <message>
        <source>Please pick a picture.</source>
        <translation>ایک تصویر چنیں۔</translation>
    </message>
    <message>
        <source>Please choose how old you are.</source>
        <translation>اپنی عمر چنیں۔</translation>
    </message>
</context>
<context>
    <name>PickerScreen</name>
    <message>
        <source>Staying safe online — {school}</source>
        <translation>آن لائن محفوظ رہیں — {school}</translation>
    </message>
    <message>
        <source>Staying safe online</source>
        <translation>آن لائن محفوظ رہیں</translation>
    </message>
    <message>
        <source>Who is learning today?</source>
        <translation>آج کون سیکھ رہا ہے؟</translation>
    </message>
    <message>
        <source>Type to find your name</source>
        <translation>اپنا نام ڈھونڈنے کے لیے لکھیں</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>اپنا نام ڈھونڈیں</translation>
    </message>
    <message>
        <source>I&apos;m new</source>
        <translation>میں نیا ہوں</translation>
    </message>
    <message>
        <source>I&apos;m new: make my own page</source>
        <translation>میں نیا ہوں: میرا اپنا صفحہ بنائیں</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>ٹیچر</translation>
    </message>
    <message>
        <source>Teacher area</source>
        <translation>ٹیچر کا حصہ</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>تمام کلاسیں</translation>
    </message>
    <message>
        <source>Back to all the classes</source>
        <translation>واپس تمام کلاسوں پر</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>طلبہ</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>کلاسیں</translation>
    </message>
    <message>
        <source>Getting ready… one moment.</source>
        <translation>تیاری ہو رہی ہے… بس ایک لمحہ۔</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>تیاری ہو رہی ہے</translation>
    </message>
    <message>
        <source>No class</source>
        <translation>کوئی کلاس نہیں</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>‏%n طالب علم</numerusform>
            <numerusform>‏%n طلبہ</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose your class, then your name.</source>
        <translation>پہلے اپنی کلاس چنیں، پھر اپنا نام۔</translation>
    </message>
    <message>
        <source>{class_name}: find your name.</source>
        <translation>‏{class_name}: اپنا نام ڈھونڈیں۔</translation>
    </message>
    <message>
        <source>Every class: find your name.</source>
        <translation>تمام کلاسیں: اپنا نام ڈھونڈیں۔</translation>
    </message>
    <message>
        <source>No one is here yet. Press “I&apos;m new” to start.</source>
        <translation>یہاں ابھی کوئی نہیں۔ شروع کرنے کے لیے “میں نیا ہوں” دبائیں۔</translation>
    </message>
    <message>
        <source>No name matches. Check the spelling, or press “I&apos;m new”.</source>
        <translation>کوئی نام نہیں ملا۔ ہجے جانچیں، یا “میں نیا ہوں” دبائیں۔</translation>
    </message>
</context>
<context>
    <name>PinGate</name>
    <message>
        <source>Are you the teacher? Set a PIN</source>
        <translation>کیا آپ ٹیچر ہیں؟ PIN بنائیں</translation>
    </message>
    <message>
        <source>This computer has no teacher PIN yet. If you are a learner, go back to the learners. The teacher chooses the PIN here once; school IT can set it for every computer of a lab before the first start (see &apos;The PIN&apos; in the teacher guide).</source>
        <translation>اس کمپیوٹر پر ابھی ٹیچر کا PIN نہیں ہے۔ اگر آپ طالب علم ہیں تو واپس طلبہ کی طرف جائیں۔ ٹیچر یہاں ایک بار PIN چنتے ہیں؛ اسکول کا IT عملہ پہلی بار کھلنے سے پہلے لیب کے ہر کمپیوٹر کے لیے اسے بنا سکتا ہے (ٹیچر گائیڈ میں &apos;PIN&apos; دیکھیں)۔</translation>
    </message>
    <message>
        <source>Yes, I am the teacher</source>
        <translation>جی ہاں، میں ٹیچر ہوں</translation>
    </message>
    <message>
        <source>Choose a PIN of %1 to %2 digits for the teacher area. Students must not know it. Type it twice.</source>
        <translation>ٹیچر کے حصے کے لیے %1 سے %2 ہندسوں کا PIN چنیں۔ طلبہ کو یہ معلوم نہ ہو۔ اسے دو بار لکھیں۔</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>نیا PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>نیا PIN دوبارہ</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>وہی PIN دوبارہ</translation>
    </message>
    <message>
        <source>Set the PIN and come in</source>
        <translation>‏PIN بنائیں اور اندر آئیں</translation>
    </message>
    <message>
        <source>Teacher area</source>
        <translation>ٹیچر کا حصہ</translation>
    </message>
    <message>
        <source>Type the teacher PIN to come in.</source>
        <translation>اندر آنے کے لیے ٹیچر کا PIN لکھیں۔</translation>
    </message>
    <message>
        <source>Teacher PIN</source>
        <translation>ٹیچر کا PIN</translation>
    </message>
    <message>
        <source>Come in</source>
        <translation>اندر آئیں</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>انتظار کا وقت</translation>
    </message>
    <message>
        <source>Forgot the PIN? Ask the school&apos;s IT person: the teacher guide says how a new one is set.</source>
        <translation>‏PIN بھول گئے؟ اسکول کے IT والے سے پوچھیں: ٹیچر گائیڈ میں لکھا ہے کہ نیا PIN کیسے بنتا ہے۔</translation>
    </message>
    <message>
        <source>This PIN repeats the same digits.</source>
        <translation>اس PIN میں ایک ہی ہندسے دہرائے گئے ہیں۔</translation>
    </message>
    <message>
        <source>This PIN counts up or down, like 1234.</source>
        <translation>یہ PIN گنتی کی طرح اوپر یا نیچے جاتا ہے، جیسے 1234۔</translation>
    </message>
    <message>
        <source>This PIN is a year or a very common PIN.</source>
        <translation>یہ PIN کوئی سال ہے یا بہت عام PIN ہے۔</translation>
    </message>
    <message>
        <source>Students guess such PINs first. Choose another, or press the button again to use it anyway.</source>
        <translation>طلبہ ایسے PIN سب سے پہلے آزماتے ہیں۔ کوئی اور چنیں، یا پھر بھی یہی رکھنے کے لیے بٹن دوبارہ دبائیں۔</translation>
    </message>
    <message>
        <source>Back to the learners</source>
        <translation>واپس طلبہ کی طرف</translation>
    </message>
    <message>
        <source>The PIN may hold only the digits 0 to 9.</source>
        <translation>‏PIN میں صرف 0 سے 9 تک کے ہندسے ہو سکتے ہیں۔</translation>
    </message>
    <message>
        <source>The PIN needs at least %1 digits.</source>
        <translation>‏PIN میں کم از کم %1 ہندسے ہونے چاہییں۔</translation>
    </message>
    <message>
        <source>The PIN may have at most %1 digits.</source>
        <translation>‏PIN میں زیادہ سے زیادہ %1 ہندسے ہو سکتے ہیں۔</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Type the same PIN twice.</source>
        <translation>دونوں PIN ایک جیسے نہیں۔ ایک ہی PIN دو بار لکھیں۔</translation>
    </message>
    <message>
        <source>Type the PIN first.</source>
        <translation>پہلے PIN لکھیں۔</translation>
    </message>
    <message>
        <source>That is not the teacher PIN.</source>
        <translation>یہ ٹیچر کا PIN نہیں ہے۔</translation>
    </message>
    <message>
        <source>Too many wrong tries. Please wait %1 before trying again.</source>
        <translation>بہت زیادہ غلط کوششیں۔ دوبارہ کوشش سے پہلے %1 انتظار کریں۔</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>کاٹیں</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>کاپی کریں</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>چسپاں کریں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>مٹائیں</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>سب چنیں</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>دوبارہ ترتیب دیں</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>چھوڑ دیں</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>محفوظ نہ کریں</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>دوبارہ کوشش</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>نظر انداز کریں</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>روک دیں</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>پہلے والی سیٹنگز</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>کاٹیں</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>کاپی کریں</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>لنک کاپی کریں</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>چسپاں کریں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>مٹائیں</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>سب چنیں</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <source>More answers below</source>
        <translation>نیچے اور جوابات ہیں</translation>
    </message>
    <message>
        <source>Show the answers below</source>
        <translation>نیچے کے جوابات دکھائیں</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>سوال {number} از {total}</translation>
    </message>
    <message>
        <source>My modules</source>
        <translation>میرے یونٹ</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>واپس میرے یونٹ پر</translation>
    </message>
    <message>
        <source>This answer was not saved. Tell your teacher.</source>
        <translation>یہ جواب محفوظ نہیں ہوا۔ اپنے ٹیچر کو بتائیں۔</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>اشارہ</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>اشارہ دکھائیں</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>جانچیں</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>میرا جواب جانچیں</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>اگلا سوال</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>ختم کریں</translation>
    </message>
    <message>
        <source>Finish the quiz</source>
        <translation>کوئز ختم کریں</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>اشارہ: {hint}</translation>
    </message>
    <message>
        <source>Correct!</source>
        <translation>درست!</translation>
    </message>
    <message>
        <source>Partly right</source>
        <translation>کچھ درست</translation>
    </message>
    <message>
        <source>Not quite</source>
        <translation>ابھی نہیں</translation>
    </message>
    <message>
        <source>The right answer: {answer}</source>
        <translation>درست جواب: {answer}</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>دوبارہ جانچیں</translation>
    </message>
    <message>
        <source>Check my new answer</source>
        <translation>میرا نیا جواب جانچیں</translation>
    </message>
    <message>
        <source>Try a different answer this time.</source>
        <translation>اس بار کوئی دوسرا جواب آزمائیں۔</translation>
    </message>
    <message>
        <source>An okay choice, but there is a better one. Try once more.</source>
        <translation>ٹھیک انتخاب ہے، لیکن اس سے بہتر بھی ہے۔ ایک بار اور کوشش کریں۔</translation>
    </message>
    <message>
        <source>Nearly right! Try once more.</source>
        <translation>تقریباً درست! ایک بار اور کوشش کریں۔</translation>
    </message>
    <message>
        <source>Not quite. Try once more.</source>
        <translation>ابھی نہیں۔ ایک بار اور کوشش کریں۔</translation>
    </message>
</context>
<context>
    <name>ResultsScreen</name>
    <message>
        <source>Your results: {module}</source>
        <translation>آپ کے نتائج: {module}</translation>
    </message>
    <message>
        <source>Well done! You passed.</source>
        <translation>شاباش! آپ کامیاب ہو گئے۔</translation>
    </message>
    <message>
        <source>Good try! Let&apos;s practise a bit more.</source>
        <translation>اچھی کوشش! آئیں تھوڑی اور مشق کریں۔</translation>
    </message>
    <message>
        <source>{score}%</source>
        <translation>{score}%</translation>
    </message>
    <message>
        <source>Your score: {score} percent</source>
        <translation>آپ کے نمبر: {score} فیصد</translation>
    </message>
    <message>
        <source>You needed {mark}% to pass. You got {earned} of {possible} points.</source>
        <translation>کامیابی کے لیے {mark}% چاہیے تھے۔ آپ کو {possible} میں سے {earned} نمبر ملے۔</translation>
    </message>
    <message>
        <source>You earned the badge for {module}!</source>
        <translation>آپ نے {module} کا بیج جیت لیا!</translation>
    </message>
    <message>
        <source>Questions to look at again</source>
        <translation>یہ سوال دوبارہ دیکھیں</translation>
    </message>
    <message>
        <source>You got every question right!</source>
        <translation>آپ کے سب جواب درست ہیں!</translation>
    </message>
    <message>
        <source>My modules</source>
        <translation>میرے یونٹ</translation>
    </message>
    <message>
        <source>Back to my modules</source>
        <translation>واپس میرے یونٹ پر</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>Try the quiz again</source>
        <translation>کوئز دوبارہ کریں</translation>
    </message>
    <message>
        <source>Next module</source>
        <translation>اگلا یونٹ</translation>
    </message>
    <message>
        <source>Next module: {module}</source>
        <translation>اگلا یونٹ: {module}</translation>
    </message>
    <message>
        <source>Your answer: {answer}</source>
        <translation>آپ کا جواب: {answer}</translation>
    </message>
    <message>
        <source>The best choice: {answer}</source>
        <translation>سب سے اچھا انتخاب: {answer}</translation>
    </message>
    <message>
        <source>The right answer: {answer}</source>
        <translation>درست جواب: {answer}</translation>
    </message>
    <message>
        <source>A good try! Pass the quiz to earn the badge.</source>
        <translation>اچھی کوشش! بیج جیتنے کے لیے کوئز پاس کریں۔</translation>
    </message>
    <message>
        <source>Two things to remember</source>
        <translation>یاد رکھنے کی دو باتیں</translation>
    </message>
    <message>
        <source>One thing to remember</source>
        <translation>یاد رکھنے کی ایک بات</translation>
    </message>
    <message>
        <source>Hide the answers</source>
        <translation>جوابات چھپائیں</translation>
    </message>
    <message>
        <source>Hide the questions to look at again</source>
        <translation>دوبارہ دیکھنے والے سوال چھپائیں</translation>
    </message>
    <message>
        <source>See all answers</source>
        <translation>سارے جوابات دیکھیں</translation>
    </message>
    <message>
        <source>See the questions to look at again</source>
        <translation>دوبارہ دیکھنے والے سوال دیکھیں</translation>
    </message>
</context>
<context>
    <name>ServerSign</name>
    <message>
        <source>Not connected to the school server. Your answers are kept on this computer.</source>
        <translation>اسکول کے سرور سے رابطہ نہیں ہے۔ آپ کے جوابات اسی کمپیوٹر پر محفوظ ہیں۔</translation>
    </message>
    <message>
        <source>They are sent to the school server by themselves when it can be reached again.</source>
        <translation>سرور سے رابطہ بحال ہوتے ہی یہ خود بخود اسکول کے سرور پر بھیج دیے جائیں گے۔</translation>
    </message>
</context>
<context>
    <name>TeacherArea</name>
    <message>
        <source>Teacher pages</source>
        <translation>ٹیچر کے صفحات</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>کلاسیں</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>نتائج</translation>
    </message>
    <message>
        <source>Packs</source>
        <translation>پیک</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source>Print and share</source>
        <translation>پرنٹ اور شیئر</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>سیٹنگز</translation>
    </message>
    <message>
        <source>Switch the language</source>
        <translation>زبان بدلیں</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Lock the teacher area and go back to the learners</source>
        <translation>ٹیچر کا حصہ بند کریں اور واپس طلبہ کی طرف جائیں</translation>
    </message>
</context>
<context>
    <name>TextSizeControl</name>
    <message>
        <source>Normal text</source>
        <translation>عام لکھائی</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>بڑی لکھائی</translation>
    </message>
    <message>
        <source>Extra large text</source>
        <translation>بہت بڑی لکھائی</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>لکھائی کا سائز</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>No sound: this computer has no speakers or headphones that work.</source>
        <translation>آواز نہیں: اس کمپیوٹر کے اسپیکر یا ہیڈ فون کام نہیں کر رہے۔</translation>
    </message>
    <message>
        <source>This recording cannot be played. Tell your teacher.</source>
        <translation>یہ ریکارڈنگ نہیں چل سکتی۔ اپنے ٹیچر کو بتائیں۔</translation>
    </message>
    <message>
        <source>The reading voice did not start.</source>
        <translation>پڑھنے والی آواز شروع نہیں ہوئی۔</translation>
    </message>
</context>
<context>
    <name>SpeakerButton</name>
    <message>
        <source>Listen: {what}</source>
        <translation>سنیں: {what}</translation>
    </message>
    <message>
        <source>Listen ({key})</source>
        <translation>سنیں ({key})</translation>
    </message>
</context>
</TS>
