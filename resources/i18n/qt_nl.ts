<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <!-- Texts of Qt's own dialogs that Qt's qtbase_nl does not (yet) translate: this Qt
       writes them with an accelerator the Dutch catalogue lacks. Loaded after qtbase_nl. -->
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Bestanden van &amp;type:</translation>
    </message>
  </context>
</TS>
