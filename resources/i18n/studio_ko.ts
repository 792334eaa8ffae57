<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AnnotationActions</name>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="30" />
        <source>Create &amp;Box</source>
        <translation>박스 그리기(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="33" />
        <source>Draw Boxes &amp;Continuously</source>
        <translation>박스 연속 그리기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="34" />
        <source>&amp;Delete Box</source>
        <translation>박스 삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="35" />
        <source>D&amp;uplicate Box</source>
        <translation>박스 복제(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="36" />
        <source>&amp;Copy Boxes</source>
        <translation>박스 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="37" />
        <source>&amp;Paste Boxes</source>
        <translation>박스 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="38" />
        <source>Copy All Boxes from &amp;Previous Image</source>
        <translation>이전 이미지의 박스 모두 복사(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="40" />
        <source>Change C&amp;lass…</source>
        <translation>클래스 변경(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="41" />
        <source>Mark as &amp;Negative (nothing here)</source>
        <translation>네거티브로 표시(&amp;N)(물체 없음)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="42" />
        <source>Toggle &amp;Verified</source>
        <translation>확인 표시 전환(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="43" />
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="44" />
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="45" />
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="46" />
        <source>Select &amp;All Boxes</source>
        <translation>모든 박스 선택(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/actions.py" line="49" />
        <source>Class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
</context><context>
    <name>AnnotationGlue</name>
    <message>
        <location filename="../../studio/ui/annotate/glue.py" line="51" />
        <source>The previous image has no boxes.</source>
        <translation>이전 이미지에 박스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/glue.py" line="55" />
        <source>Label file changed on disk</source>
        <translation>디스크의 라벨 파일이 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/glue.py" line="56" />
        <source>{0} was changed by another program since studio read it.
Keep studio's edits (overwrite the file) or reload the file from disk (discard studio's edits)?</source>
        <translation>studio가 읽은 뒤 다른 프로그램이 {0}을(를) 바꿨습니다.
studio의 편집을 유지할까요(파일 덮어쓰기), 디스크에서 다시 읽을까요(studio의 편집 버림)?</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/glue.py" line="60" />
        <source>Overwrite</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/glue.py" line="61" />
        <source>Reload from Disk</source>
        <translation>디스크에서 다시 읽기</translation>
    </message>
</context><context>
    <name>AugmentPreviewWindow</name>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="36" />
        <source>Augmentation Preview</source>
        <translation>증강 미리보기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="61" />
        <source>With mosaic (most epochs)</source>
        <translation>모자이크 사용(대부분의 에포크)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="62" />
        <source>Last epochs (close_mosaic: no mosaic, mixup)</source>
        <translation>마지막 에포크(close_mosaic: 모자이크·믹스업 없음)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="64" />
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="65" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="66" />
        <source>Phase</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="67" />
        <source>Building Ultralytics' training dataset…</source>
        <translation>Ultralytics 학습 데이터셋을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="81" />
        <source>Cannot preview: {0}</source>
        <translation>미리볼 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/augment_window.py" line="112" />
        <source>{0} samples, {1} boxes; {2} boxes dropped by the loader (too small or outside after augmentation). Samples at seeded random indices, mosaic partners from the whole dataset.</source>
        <translation>샘플 {0}개, 박스 {1}개. 로더가 버린 박스 {2}개(증강 뒤 너무 작거나 밖으로 나감). 시드로 고른 무작위 샘플이며 모자이크 짝은 데이터셋 전체에서 고릅니다.</translation>
    </message>
</context><context>
    <name>BoxListPanel</name>
    <message>
        <location filename="../../studio/ui/annotate/box_list.py" line="122" />
        <source>Negative: nothing to label here</source>
        <translation>네거티브: 라벨할 물체 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/box_list.py" line="124" />
        <source>{0} boxes</source>
        <translation>박스 {0}개</translation>
    </message>
</context><context>
    <name>Canvas</name>
    <message>
        <location filename="../../studio/ui/annotate/canvas.py" line="60" />
        <source>Open a dataset folder or data.yaml (File &gt; Open) to begin.</source>
        <translation>시작하려면 데이터셋 폴더나 data.yaml을 여세요(파일 &gt; 열기).</translation>
    </message>
</context><context>
    <name>CheckTab</name>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="103" />
        <source>Check Dataset</source>
        <translation>데이터셋 검사</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="104" />
        <source>Also compare box colours (decodes every labeled image; slower)</source>
        <translation>박스 색상도 비교(라벨된 이미지를 모두 디코딩하므로 느림)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="106" />
        <source>All findings</source>
        <translation>모든 항목</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="106" />
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="106" />
        <source>Warnings</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="106" />
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="108" />
        <source>Finds what Ultralytics would reject or silently fix, and what it misses. Nothing is modified.</source>
        <translation>Ultralytics가 거부하거나 몰래 고치는 것, 그리고 놓치는 것을 찾습니다. 아무 파일도 바꾸지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="111" />
        <source>Checking {0} / {1} · {2}/s · ETA {3}</source>
        <translation>검사 중 {0} / {1} · 초당 {2} · 남은 시간 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="142" />
        <source>Open a dataset first.</source>
        <translation>먼저 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="151" />
        <source>Check failed: {0}</source>
        <translation>검사 실패: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="164" />
        <source>{0} images, {1} boxes: {2} errors (Ultralytics would leave these images out), {3} warnings, {4} info. Double-click a finding to open it.</source>
        <translation>이미지 {0}장, 박스 {1}개: 오류 {2}(Ultralytics가 이 이미지를 빼고 학습), 경고 {3}, 정보 {4}. 항목을 더블클릭하면 열립니다.</translation>
    </message>
</context><context>
    <name>ClassPanel</name>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="34" />
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="35" />
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="70" />
        <source>Default class for new boxes</source>
        <translation>새 박스의 기본 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="83" />
        <source>Cannot add class</source>
        <translation>클래스를 추가할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="96" />
        <source>Cannot rename class</source>
        <translation>클래스 이름을 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="104" />
        <source>Add Class</source>
        <translation>클래스 추가</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="104" />
        <source>Name of the new class:</source>
        <translation>새 클래스 이름:</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="114" />
        <source>Rename Class</source>
        <translation>클래스 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_panel.py" line="114" />
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
</context><context>
    <name>ClassPicker</name>
    <message>
        <location filename="../../studio/ui/annotate/class_picker.py" line="17" />
        <source>Choose Class</source>
        <translation>클래스 선택</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/class_picker.py" line="21" />
        <source>Type to filter…</source>
        <translation>입력하여 거르기…</translation>
    </message>
</context><context>
    <name>ClusterRow</name>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="30" />
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="30" />
        <source>Ray cluster</source>
        <translation>Ray 클러스터</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="33" />
        <source>local (start Ray on this computer), auto (the cluster in RAY_ADDRESS) or ray://host:port</source>
        <translation>local (이 컴퓨터에서 Ray 시작), auto (RAY_ADDRESS의 클러스터) 또는 ray://host:port</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="37" />
        <source>Workers read the folder</source>
        <translation>워커가 폴더를 읽음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="37" />
        <source>Send images to workers</source>
        <translation>워커에 이미지 전송</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="38" />
        <source>Read: every node sees the dataset at the same path (a shared mount). Send: this computer sends the image bytes.</source>
        <translation>읽기: 모든 노드가 같은 경로에서 데이터셋을 봅니다(공유 마운트). 전송: 이 컴퓨터가 이미지 바이트를 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="40" />
        <source>Check Connection</source>
        <translation>연결 확인</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="77" />
        <source>Connecting to {0}…</source>
        <translation>{0}에 연결하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="92" />
        <source>Connected: {0}</source>
        <translation>연결됨: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="95" />
        <source>Cannot use the cluster: {0}</source>
        <translation>클러스터를 사용할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/cluster_row.py" line="104" />
        <source>Check the connection before starting.</source>
        <translation>시작하기 전에 연결을 확인하세요.</translation>
    </message>
</context><context>
    <name>DatasetSession</name>
    <message>
        <location filename="../../studio/ui/session.py" line="97" />
        <location filename="../../studio/ui/session.py" line="75" />
        <source>Cannot open dataset</source>
        <translation>데이터셋을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/session.py" line="78" />
        <source>Listing images in {0}…</source>
        <translation>{0}의 이미지 목록을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/session.py" line="128" />
        <source>The dataset folder is read-only; studio keeps its state in {0}</source>
        <translation>데이터셋 폴더가 읽기 전용이라 studio 상태를 {0}에 저장합니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/session.py" line="132" />
        <source>Cannot keep studio's state for this dataset</source>
        <translation>이 데이터셋의 studio 상태를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/session.py" line="233" />
        <source>Cannot save the verified flag</source>
        <translation>확인 표시를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/session.py" line="285" />
        <source>Indexing failed</source>
        <translation>색인 실패</translation>
    </message>
</context><context>
    <name>EvalTab</name>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="49" />
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="50" />
        <source>Choose a pre-labeling run or a folder of prediction files (YOLO txt with a confidence column, as 'yolo predict save_txt save_conf' writes).</source>
        <translation>사전 라벨링 실행 또는 예측 파일 폴더('yolo predict save_txt save_conf'가 쓰는, 신뢰도 열이 있는 YOLO txt)를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="54" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="54" />
        <source>Boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="69" />
        <location filename="../../studio/ui/insight/eval_tab.py" line="54" />
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="54" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="55" />
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="63" />
        <location filename="../../studio/ui/insight/eval_tab.py" line="55" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="55" />
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="55" />
        <source>AP50-95</source>
        <translation>AP50-95</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="58" />
        <source>Rows: predicted class; columns: true class (confidence &gt; 0.25, IoU &gt; 0.45, as Ultralytics counts). Click a cell to list its images.</source>
        <translation>행: 예측 클래스, 열: 실제 클래스(Ultralytics와 같이 신뢰도 &gt; 0.25, IoU &gt; 0.45). 칸을 클릭하면 해당 이미지가 나열됩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="61" />
        <source>Click a cell of the confusion matrix.</source>
        <translation>혼동 행렬의 칸을 클릭하세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="62" />
        <source>Precision-recall (IoU 0.5)</source>
        <translation>정밀도-재현율(IoU 0.5)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="62" />
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="62" />
        <source>recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="63" />
        <source>F1 over confidence</source>
        <translation>신뢰도별 F1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="63" />
        <source>confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="97" />
        <source>Cannot evaluate: {0}</source>
        <translation>평가할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="109" />
        <source>Run {0} · {1}</source>
        <translation>실행 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="110" />
        <source>Folder of prediction files…</source>
        <translation>예측 파일 폴더…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="115" />
        <source>Folder of prediction files</source>
        <translation>예측 파일 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="126" />
        <source>Open a dataset and choose predictions first.</source>
        <translation>먼저 데이터셋을 열고 예측을 고르세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="137" />
        <source>Evaluating…</source>
        <translation>평가 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="153" />
        <source>at any confidence up to {0:.2f}, the least confident prediction</source>
        <translation>가장 낮은 예측 신뢰도 {0:.2f}까지 어느 신뢰도에서나</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="155" />
        <source>at confidence {0:.3f}</source>
        <translation>신뢰도 {0:.3f}에서</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="156" />
        <source>{0} images. All classes: precision {1:.3f}, recall {2:.3f}, F1 {3:.3f} {4} (where the mean F1 is highest); mAP50 {5:.3f}, mAP50-95 {6:.3f}.</source>
        <translation>이미지 {0}장. 모든 클래스: 정밀도 {1:.3f}, 재현율 {2:.3f}, F1 {3:.3f} {4}(평균 F1이 가장 높은 곳), mAP50 {5:.3f}, mAP50-95 {6:.3f}.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="171" />
        <source>background</source>
        <translation>배경</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="174" />
        <source>true: {0}</source>
        <translation>실제: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="175" />
        <source>pred: {0}</source>
        <translation>예측: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="185" />
        <source>{0} images</source>
        <translation>이미지 {0}장</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="199" />
        <source>all classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/eval_tab.py" line="211" />
        <source>{0} images with {1} × {2} (double-click opens one)</source>
        <translation>{1} × {2} 이미지 {0}장(더블클릭하면 열림)</translation>
    </message>
</context><context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="46" />
        <source>Export as Ultralytics Dataset</source>
        <translation>Ultralytics 데이터셋으로 내보내기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="48" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="57" />
        <source>Hard-link images instead of copying (same disk only)</source>
        <translation>이미지를 복사하지 않고 하드 링크(같은 디스크에서만)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="58" />
        <source>Also write COCO JSON (annotations/instances_&lt;split&gt;.json)</source>
        <translation>COCO JSON도 저장(annotations/instances_&lt;split&gt;.json)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="60" />
        <source>Folder (new or empty)</source>
        <translation>폴더(새 폴더 또는 빈 폴더)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="61" />
        <source>Validation share</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="62" />
        <source>Test share</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="63" />
        <source>Split seed</source>
        <translation>분할 시드</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="66" />
        <source>{0} images; the split is stratified by class.</source>
        <translation>이미지 {0}장. 클래스별로 층화하여 분할합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="71" />
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="84" />
        <source>Export Folder</source>
        <translation>내보낼 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="92" />
        <source>{0} is not empty; choose an empty or new folder.</source>
        <translation>{0}이(가) 비어 있지 않습니다. 빈 폴더나 새 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="120" />
        <source>Exported to {0}: {1} images ({2}). Train with: yolo train data="{3}"</source>
        <translation>{0}에 내보냈습니다: 이미지 {1}장({2}). 학습: yolo train data="{3}"</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="122" />
        <source>Export stopped; {0} is incomplete.</source>
        <translation>내보내기를 멈췄습니다. {0}은(는) 완전하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="124" />
        <source>{0} non-box lines (polygons, malformed rows) were left out.</source>
        <translation>박스가 아닌 줄 {0}개(다각형, 잘못된 행)를 뺐습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="127" />
        <source>{0} images could not be copied: {1}</source>
        <translation>이미지 {0}장을 복사하지 못했습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="130" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/export_dialog.py" line="134" />
        <source>Export failed: {0}</source>
        <translation>내보내기 실패: {0}</translation>
    </message>
</context><context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="45" />
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="45" />
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="45" />
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="45" />
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="46" />
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="46" />
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/check_tab.py" line="47" />
        <source>info</source>
        <translation>정보</translation>
    </message>
</context><context>
    <name>HelpUi</name>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="45" />
        <source>&amp;Welcome Page</source>
        <translation>시작 화면(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="47" />
        <source>Tour: &amp;Annotate</source>
        <translation>둘러보기: 라벨링(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="48" />
        <source>Tour: &amp;Pre-label and Review</source>
        <translation>둘러보기: 사전 라벨링과 검수(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="49" />
        <source>Tour: P&amp;reprocess</source>
        <translation>둘러보기: 전처리(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="51" />
        <source>User &amp;Guide</source>
        <translation>사용 설명서(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="52" />
        <source>Use the &amp;Demo Model</source>
        <translation>데모 모델 사용(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="53" />
        <source>&amp;Plugins…</source>
        <translation>플러그인(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="54" />
        <source>&amp;About studio</source>
        <translation>studio 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="55" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="58" />
        <source>System Language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="110" />
        <source>Your images. A and D walk through them, U jumps to the next image without labels; the filter finds names and states.</source>
        <translation>이미지 목록입니다. A와 D로 이동하고, U는 라벨 없는 다음 이미지로 건너뜁니다. 필터로 이름과 상태를 찾습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="112" />
        <source>The image. Press W and drag to draw a box (or turn on Edit &gt; Draw Boxes Continuously). Click selects, drag moves, the handles resize, arrows nudge, Del deletes, 1-9 set the class. Every edit is saved within 0.3 s.</source>
        <translation>이미지입니다. W를 누르고 끌면 박스를 그립니다(또는 편집 &gt; 박스 연속 그리기). 클릭은 선택, 끌기는 이동, 손잡이는 크기 조절, 화살표는 미세 이동, Del은 삭제, 1-9는 클래스 지정입니다. 모든 편집은 0.3초 안에 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="115" />
        <source>Classes come from data.yaml or classes.txt. Add or rename them here; ids never move, so existing labels stay right.</source>
        <translation>클래스는 data.yaml이나 classes.txt에서 옵니다. 여기서 추가하거나 이름을 바꿉니다. ID는 바뀌지 않으므로 기존 라벨이 그대로 맞습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="118" />
        <source>Every box of this image. N marks an image as a negative (nothing to label), Space marks it verified, F1 lists every shortcut.</source>
        <translation>이 이미지의 모든 박스입니다. N은 네거티브(라벨할 물체 없음), Space는 확인 표시, F1은 모든 단축키를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="126" />
        <source>The model in use. File &gt; Load Model takes a .pt or .onnx detector; File &gt; Use the Demo Model loads the bundled fruit detector.</source>
        <translation>사용 중인 모델입니다. 파일 &gt; 모델 불러오기로 .pt나 .onnx 검출기를 불러오고, 파일 &gt; 데모 모델 사용으로 함께 제공되는 과일 검출기를 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="128" />
        <source>Tools &gt; Pre-label runs the model over all (or only unlabeled) images in the background; it can be stopped and resumed.</source>
        <translation>도구 &gt; 사전 라벨링은 모든(또는 라벨 없는) 이미지에 모델을 백그라운드로 실행합니다. 멈췄다가 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="131" />
        <source>Proposals are drawn dashed with their confidence; this slider hides the less confident ones.</source>
        <translation>제안은 신뢰도와 함께 점선으로 그려집니다. 이 슬라이더로 신뢰도가 낮은 제안을 숨깁니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="133" />
        <source>Review mode (Ctrl+R) walks the images that need a human most. Enter accepts all proposals and goes on, X rejects them, Tab / Y / R / E decide one at a time, Ctrl+Z undoes.</source>
        <translation>검수 모드(Ctrl+R)는 사람의 확인이 가장 필요한 이미지부터 보여 줍니다. Enter는 제안을 모두 수락하고 넘어가고, X는 거부하며, Tab / Y / R / E로 하나씩 결정하고, Ctrl+Z로 되돌립니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="137" />
        <source>The quality report tells how good the model was and which confidence threshold to trust; automatic accept keeps a spot check for you.</source>
        <translation>품질 보고서는 모델이 얼마나 좋았는지, 어떤 신뢰도 임계값을 믿을지 알려 줍니다. 자동 수락은 사람이 볼 표본 검사를 남겨 둡니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="155" />
        <source>Tools &gt; Preprocessing Studio (Ctrl+P) opens the current image (or a sample photo) for tuning.</source>
        <translation>도구 &gt; 전처리 스튜디오(Ctrl+P)는 현재 이미지(또는 샘플 사진)를 열어 조정합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="158" />
        <source>Add steps (blur, CLAHE, thresholds, morphology, ...), reorder them, untick one to skip it. Every control is live.</source>
        <translation>단계(블러, CLAHE, 임계값, 형태학 연산 등)를 추가하고 순서를 바꾸고, 체크를 해제해 건너뜁니다. 모든 조정이 바로 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="161" />
        <source>The live histogram. Drag the threshold line; Shift+drag on the photo measures a region.</source>
        <translation>실시간 히스토그램입니다. 임계값 선을 끌어 보세요. 사진에서 Shift+끌기로 영역을 측정합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="163" />
        <source>File: save the pipeline, export it as a plain Python script, or apply it to a whole folder (also 'studio preprocess' on the command line).</source>
        <translation>파일: 파이프라인을 저장하거나, 일반 Python 스크립트로 내보내거나, 폴더 전체에 적용합니다(명령줄에서는 'studio preprocess').</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="182" />
        <source>studio User Guide</source>
        <translation>studio 사용 설명서</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="188" />
        <source>The user guide cannot be read: {0}</source>
        <translation>사용 설명서를 읽을 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="198" />
        <source>Preprocessing operations</source>
        <translation>전처리 연산</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="198" />
        <source>Exporters</source>
        <translation>내보내기 형식</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="201" />
        <source>Failed: {0}
    {1}</source>
        <translation>실패: {0}
    {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="202" />
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="208" />
        <source>About studio</source>
        <translation>studio 정보</translation>
    </message>
    <message>
        <location filename="../../studio/ui/help_ui.py" line="208" />
        <source>studio {0}
A desktop studio for object-detection datasets.</source>
        <translation>studio {0}
객체 검출 데이터셋을 위한 데스크톱 스튜디오.</translation>
    </message>
</context><context>
    <name>HistogramPanel</name>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="33" />
        <source>Gray</source>
        <translation>회색조</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="33" />
        <source>Gray + R, G, B</source>
        <translation>회색조 + R, G, B</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="34" />
        <source>Log counts</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="37" />
        <source>Whole image</source>
        <translation>전체 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="37" />
        <source>Visible region</source>
        <translation>보이는 영역</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="38" />
        <source>Drawn region (Shift+drag)</source>
        <translation>그린 영역(Shift+끌기)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="72" />
        <source>{0} found no threshold here; t = 0, as in ImageJ</source>
        <translation>{0} 방법은 여기서 임계값을 찾지 못했습니다. ImageJ와 같이 t = 0</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/histogram_panel.py" line="75" />
        <source>t = {0:g} (foreground &gt; t)</source>
        <translation>t = {0:g} (전경 &gt; t)</translation>
    </message>
</context><context>
    <name>ImageListModel</name>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="187" />
        <source>{0} boxes</source>
        <translation>박스 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="189" />
        <source>verified</source>
        <translation>확인됨</translation>
    </message>
</context><context>
    <name>ImageListPanel</name>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="204" />
        <source>Filter by name…</source>
        <translation>이름으로 거르기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="208" />
        <source>All images</source>
        <translation>모든 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="209" />
        <source>Labeled</source>
        <translation>라벨 있음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="210" />
        <source>Negative (empty label)</source>
        <translation>네거티브(빈 라벨)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="211" />
        <source>Unlabeled</source>
        <translation>라벨 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="212" />
        <source>Verified</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="213" />
        <source>Not verified</source>
        <translation>확인 안 됨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="214" />
        <source>Unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/image_list.py" line="261" />
        <source>{0} of {1} images</source>
        <translation>이미지 {1}장 중 {0}장</translation>
    </message>
</context><context>
    <name>ImageNavigator</name>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="66" />
        <source>No unlabeled image left (in this filter).</source>
        <translation>(이 필터에서) 라벨 없는 이미지가 남아 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="73" />
        <source>{0} is not an image of this dataset.</source>
        <translation>{0}은(는) 이 데이터셋의 이미지가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="92" />
        <source>{0} boxes</source>
        <translation>박스 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="94" />
        <source>{0} lines kept as they are</source>
        <translation>그대로 둔 줄 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="96" />
        <source>verified</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="98" />
        <source>unsaved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/annotate/navigator.py" line="120" />
        <source>Cannot show {0}:
{1}</source>
        <translation>{0}을(를) 표시할 수 없습니다:
{1}</translation>
    </message>
</context><context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="49" />
        <source>Import Labels</source>
        <translation>레이블 가져오기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="54" />
        <source>LabelImg (Pascal VOC XML)</source>
        <translation>LabelImg (Pascal VOC XML)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="54" />
        <source>labelme / X-AnyLabeling JSON</source>
        <translation>labelme / X-AnyLabeling JSON</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="55" />
        <source>COCO JSON</source>
        <translation>COCO JSON</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="55" />
        <source>CVAT for images XML</source>
        <translation>CVAT for images XML</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="57" />
        <source>a file, or a folder searched for them</source>
        <translation>파일, 또는 파일을 찾을 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="58" />
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="58" />
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="65" />
        <source>Skip images that have labels</source>
        <translation>레이블이 있는 이미지는 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="65" />
        <source>Merge (duplicates suppressed)</source>
        <translation>병합 (중복 제외)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="66" />
        <source>Replace their labels</source>
        <translation>레이블 바꾸기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="67" />
        <source>Leave out boxes marked difficult (VOC)</source>
        <translation>difficult로 표시된 박스 제외 (VOC)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="68" />
        <source>Keep polygons as segments (not their boxes)</source>
        <translation>다각형을 세그먼트로 유지 (박스로 바꾸지 않음)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="70" />
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="71" />
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="72" />
        <source>Images with labels</source>
        <translation>레이블이 있는 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="76" />
        <source>Source class</source>
        <translation>원본 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="76" />
        <source>Dataset class</source>
        <translation>데이터셋 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="81" />
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="81" />
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="81" />
        <source>Boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="82" />
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="93" />
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="94" />
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="96" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="106" />
        <source>Classes (by name; new names are added after the existing classes):</source>
        <translation>클래스 (이름으로 연결, 새 이름은 기존 클래스 뒤에 추가):</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="108" />
        <source>What would change, image by image:</source>
        <translation>이미지별로 바뀌는 내용:</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="119" />
        <source>Labels file</source>
        <translation>레이블 파일</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="120" />
        <source>Label files (*.xml *.json);;All files (*)</source>
        <translation>레이블 파일 (*.xml *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="125" />
        <source>Folder of label files</source>
        <translation>레이블 파일 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="144" />
        <source>Choose a label file or a folder first.</source>
        <translation>먼저 레이블 파일이나 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="147" />
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="153" />
        <source>Cannot read the source: {0}</source>
        <translation>원본을 읽을 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="160" />
        <source>add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="160" />
        <source>skip (has labels)</source>
        <translation>건너뜀 (레이블 있음)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="160" />
        <source>merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="161" />
        <source>replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="161" />
        <source>nothing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="171" />
        <source>{0} images would be written, {1} skipped; {2} problems.</source>
        <translation>이미지 {0}개를 쓰고 {1}개를 건너뜁니다. 문제 {2}개.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="174" />
        <source>New classes: {0}.</source>
        <translation>새 클래스: {0}.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="176" />
        <source>Left out or changed: {0}.</source>
        <translation>제외되거나 바뀐 것: {0}.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="193" />
        <source>{0}: {1} (new)</source>
        <translation>{0}: {1} (새 클래스)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="194" />
        <source>— drop —</source>
        <translation>— 제외 —</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="210" />
        <source>Import failed: {0}</source>
        <translation>가져오기 실패: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="221" />
        <source>Imported: labels written for {0} images.</source>
        <translation>가져옴: 이미지 {0}개의 레이블을 썼습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/import_dialog.py" line="222" />
        <source>Import stopped after {0} images; run it again to finish.</source>
        <translation>이미지 {0}개 후 가져오기를 멈췄습니다. 다시 실행하면 마저 끝냅니다.</translation>
    </message>
</context><context>
    <name>ImportUi</name>
    <message>
        <location filename="../../studio/ui/interchange/menu.py" line="22" />
        <source>&amp;Import Labels…</source>
        <translation>레이블 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/interchange/menu.py" line="29" />
        <source>Open a dataset first, then import labels into it.</source>
        <translation>먼저 데이터셋을 연 뒤 레이블을 가져오세요.</translation>
    </message>
</context><context>
    <name>IndexStatus</name>
    <message>
        <location filename="../../studio/ui/status.py" line="21" />
        <source>Indexing {0} / {1} · {2}/s · ETA {3}</source>
        <translation>색인 중 {0} / {1} · 초당 {2} · 남은 시간 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status.py" line="28" />
        <source>Stop indexing (it resumes next time)</source>
        <translation>색인 중지(다음에 이어서 합니다)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status.py" line="61" />
        <source>{0} images · {1} labeled · {2} negative · {3} unlabeled</source>
        <translation>이미지 {0} · 라벨 있음 {1} · 네거티브 {2} · 라벨 없음 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status.py" line="65" />
        <source> · {0} unreadable</source>
        <translation> · 읽을 수 없음 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status.py" line="67" />
        <source> · indexing stopped</source>
        <translation> · 색인 중지됨</translation>
    </message>
</context><context>
    <name>InsightWindow</name>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="67" />
        <location filename="../../studio/ui/insight/window.py" line="27" />
        <source>Dataset Insight</source>
        <translation>데이터셋 분석</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="36" />
        <source>Write the whole dataset as a clean Ultralytics dataset: a seeded train/val(/test) split stratified by class, box rows only, data.yaml, and optionally COCO JSON. The result passes Ultralytics' own checks and trains with 'yolo train' as is.</source>
        <translation>데이터셋 전체를 깔끔한 Ultralytics 데이터셋으로 씁니다. 시드를 고정하고 클래스별로 층화한 train/val(/test) 분할, 박스 행만, data.yaml, 그리고 선택적으로 COCO JSON. 결과는 Ultralytics 자체 검사를 통과하고 'yolo train'으로 그대로 학습됩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="40" />
        <source>Split and Export…</source>
        <translation>분할하여 내보내기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="44" />
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="45" />
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="46" />
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="47" />
        <source>Training Runs</source>
        <translation>학습 기록</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="48" />
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/window.py" line="67" />
        <source>Dataset Insight — {0}</source>
        <translation>데이터셋 분석 — {0}</translation>
    </message>
</context><context>
    <name>JobRunWindow</name>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="29" />
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="37" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="40" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="63" />
        <source>Stopping at the next batch; what is done is kept and resumes next time…</source>
        <translation>다음 배치에서 멈춥니다. 끝난 부분은 남고 다음에 이어서 합니다…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="71" />
        <source>ETA {0}</source>
        <translation>남은 시간 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="81" />
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/run_window.py" line="85" />
        <source>Stopped. Start it again to resume where it stopped.</source>
        <translation>멈췄습니다. 다시 시작하면 멈춘 곳부터 이어서 합니다.</translation>
    </message>
</context><context>
    <name>JobTab</name>
    <message>
        <location filename="../../studio/ui/insight/job_tab.py" line="42" />
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
</context><context>
    <name>LabelCheckDialog</name>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="37" />
        <source>Find Label Errors</source>
        <translation>라벨 오류 찾기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="44" />
        <source>From scratch (yolov8n)</source>
        <translation>처음부터 (yolov8n)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="46" />
        <source>The loaded model: {0}</source>
        <translation>불러온 모델: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="47" />
        <source>Other .pt…</source>
        <translation>다른 .pt…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="53" />
        <source>Folds</source>
        <translation>폴드</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="54" />
        <source>Epochs per fold</source>
        <translation>폴드당 에포크</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="55" />
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="56" />
        <source>Start from</source>
        <translation>시작 모델</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="57" />
        <source>Each fold's model trains on the other folds and checks the images it never saw. Start from scratch or from a model trained elsewhere: a model that trained on these images already agrees with their labels, errors included.</source>
        <translation>각 폴드의 모델은 나머지 폴드로 학습하고, 본 적 없는 이미지를 검사합니다. 처음부터 또는 다른 데이터로 학습한 모델에서 시작하세요. 이 이미지로 학습한 모델은 오류까지 포함해 라벨에 이미 동의합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="68" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="94" />
        <source>Start Model</source>
        <translation>시작 모델</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="94" />
        <source>Detection models (*.pt)</source>
        <translation>검출 모델 (*.pt)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="102" />
        <source>Estimating…</source>
        <translation>추정하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="110" />
        <source>{0} finished images, {1} models: about {2} on this machine.</source>
        <translation>완료된 이미지 {0}장, 모델 {1}개: 이 컴퓨터에서 약 {2}.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/dialog.py" line="113" />
        <source>{0} fold(s) of an earlier check of the same data are reused.</source>
        <translation>같은 데이터의 이전 검사에서 폴드 {0}개를 다시 씁니다.</translation>
    </message>
</context><context>
    <name>LabelCheckUi</name>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="30" />
        <source>Find &amp;Label Errors…</source>
        <translation>라벨 오류 찾기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="43" />
        <source>Open a dataset and let it finish indexing first: which images are finished is known then.</source>
        <translation>먼저 데이터셋을 열고 색인이 끝날 때까지 기다리세요. 그래야 어떤 이미지가 완료되었는지 알 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="64" />
        <location filename="../../studio/ui/labelcheck/menu.py" line="50" />
        <source>Find Label Errors</source>
        <translation>라벨 오류 찾기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="67" />
        <source>Review Them</source>
        <translation>검토하기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="78" />
        <source>Measure the Effect</source>
        <translation>효과 측정</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="83" />
        <source>Find label errors first: the effect compares the labels as a check found them with the labels as fixed since.</source>
        <translation>먼저 라벨 오류를 찾으세요. 효과 측정은 검사 당시의 라벨과 그 뒤 고친 라벨을 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="104" />
        <source>Preparing {0} folds of {1} images…</source>
        <translation>이미지 {1}장으로 폴드 {0}개를 준비하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="107" />
        <source>epoch {0} of {1}</source>
        <translation>에포크 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="109" />
        <source>Fold {0} of {1}: training on the other folds</source>
        <translation>폴드 {0}/{1}: 나머지 폴드로 학습하는 중</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="111" />
        <source>Fold {0} of {1}: predicting the images it never saw</source>
        <translation>폴드 {0}/{1}: 본 적 없는 이미지를 예측하는 중</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="113" />
        <source>Scoring the labels (cleanlab) and merging studio's own checks…</source>
        <translation>라벨 점수를 매기고(cleanlab) studio 자체 검사와 합치는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="117" />
        <source>{0} suspicious labels on {1} images.</source>
        <translation>이미지 {1}장에서 의심스러운 라벨 {0}개.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="120" />
        <source>{0} trained fold(s) were reused.</source>
        <translation>학습된 폴드 {0}개를 다시 썼습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="125" />
        <source>Training on the labels as the check found them…</source>
        <translation>검사 당시의 라벨로 학습하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="127" />
        <source>Training on the labels as fixed…</source>
        <translation>고친 라벨로 학습하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/menu.py" line="132" />
        <source>mAP50-95 on {0} val images: {1:.3f} before the fixes, {2:.3f} after ({3:+.3f}). mAP50: {4:.3f} → {5:.3f}.</source>
        <translation>검증 이미지 {0}장의 mAP50-95: 고치기 전 {1:.3f}, 고친 뒤 {2:.3f} ({3:+.3f}). mAP50: {4:.3f} → {5:.3f}.</translation>
    </message>
</context><context>
    <name>LabelErrorsController</name>
    <message>
        <location filename="../../studio/ui/labelcheck/controller.py" line="252" />
        <source>Every suspicious label has a decision.</source>
        <translation>의심스러운 라벨을 모두 결정했습니다.</translation>
    </message>
</context><context>
    <name>LabelErrorsPanel</name>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="46" />
        <source>Take (Y)</source>
        <translation>받아들이기 (Y)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="47" />
        <source>Take the model's suggestion</source>
        <translation>모델의 제안을 받아들입니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="48" />
        <source>Keep (R)</source>
        <translation>유지 (R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="49" />
        <source>Keep the label as it is</source>
        <translation>라벨을 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="50" />
        <source>Edit (E)</source>
        <translation>고치기 (E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="51" />
        <source>Fix it by hand</source>
        <translation>직접 고칩니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="52" />
        <source>Find Label Errors…</source>
        <translation>라벨 오류 찾기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="53" />
        <source>Measure the Effect…</source>
        <translation>효과 측정…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="54" />
        <source>Train once on the labels as they were and once as fixed (same seed, settings and val split), and compare both mAPs</source>
        <translation>원래 라벨로 한 번, 고친 라벨로 한 번 학습하고(같은 시드, 설정, 검증 분할) 두 mAP를 비교합니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="56" />
        <source>Y: take the model's suggestion · R: keep the label · E: edit by hand
Tab: next issue · Enter: next image · X: keep all and next
Ctrl+Z: undo (also back over an image)</source>
        <translation>Y: 모델 제안 받아들이기 · R: 라벨 유지 · E: 직접 고치기
Tab: 다음 문제 · Enter: 다음 이미지 · X: 모두 유지하고 다음
Ctrl+Z: 실행 취소 (이전 이미지로도 돌아감)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="64" />
        <source>This image</source>
        <translation>이 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="71" />
        <source>Images, worst labels first</source>
        <translation>이미지 (라벨이 나쁜 순)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="96" />
        <source>No label check yet. Tools &gt; Find Label Errors… trains models on folds of your finished images and lists the labels they disagree with.</source>
        <translation>아직 라벨 검사가 없습니다. 도구 &gt; 라벨 오류 찾기…는 완료된 이미지의 폴드로 모델을 학습하고, 모델이 동의하지 않는 라벨을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="100" />
        <source>Check of {0}: {1} suspicious labels on {2} images</source>
        <translation>{0} 검사: 이미지 {2}장에서 의심스러운 라벨 {1}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="102" />
        <source>Measured effect: mAP50-95 {0:.3f} on the labels as they were, {1:.3f} as fixed</source>
        <translation>측정한 효과: mAP50-95 원래 라벨 {0:.3f}, 고친 라벨 {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="108" />
        <source>{0} of {1} decided</source>
        <translation>{1}개 중 {0}개 결정</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="118" />
        <source>{0} · {1} open</source>
        <translation>{0} · 남은 문제 {1}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="119" />
        <source>Label quality {0:.3g} (0 worst, 1 best), from cleanlab's scores</source>
        <translation>라벨 품질 {0:.3g} (0 최악, 1 최상), cleanlab 점수 기준</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="136" />
        <source>kept</source>
        <translation>유지함</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="136" />
        <source>suggestion taken</source>
        <translation>제안 받아들임</translation>
    </message>
    <message>
        <location filename="../../studio/ui/labelcheck/panel.py" line="136" />
        <source>edited by hand</source>
        <translation>직접 고침</translation>
    </message>
</context><context>
    <name>LoopPanel</name>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="24" />
        <source>Finished by humans</source>
        <translation>사람이 완료</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="24" />
        <source>Unlabeled</source>
        <translation>라벨 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="25" />
        <source>Labeled by a model, not reviewed</source>
        <translation>모델이 라벨함(검토 전)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="26" />
        <source>Proposals waiting for review</source>
        <translation>검토를 기다리는 제안</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="26" />
        <source>Reviewed</source>
        <translation>검토 완료</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="27" />
        <source>Newest model</source>
        <translation>최신 모델</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="27" />
        <source>Newest training run</source>
        <translation>최신 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="33" />
        <source>Train a Model…</source>
        <translation>모델 학습…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="33" />
        <source>Pre-label the Unlabeled</source>
        <translation>라벨 없는 이미지 사전 라벨링</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="34" />
        <source>Review Proposals</source>
        <translation>제안 검토</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="52" />
        <source>no pre-labeling run yet</source>
        <translation>사전 라벨링 기록 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="54" />
        <source>{0} (run {1}): review some images to measure it</source>
        <translation>{0} (실행 {1}): 이미지를 몇 장 검토하면 측정됩니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="57" />
        <source>{0} (run {1}): mAP50 {2:.3f} on the reviewed images</source>
        <translation>{0} (실행 {1}): 검토한 이미지에서 mAP50 {2:.3f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="60" />
        <source>none yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/loop_panel.py" line="64" />
        <source>{0}: mAP50 {1:.3f} on its val images</source>
        <translation>{0}: 검증 이미지에서 mAP50 {1:.3f}</translation>
    </message>
</context><context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="72" />
        <source>studio</source>
        <translation>studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="84" />
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="87" />
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="90" />
        <source>Boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="148" />
        <source>&amp;Open Folder…</source>
        <translation>폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="150" />
        <source>Open &amp;data.yaml…</source>
        <translation>data.yaml 열기(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="151" />
        <source>Open &amp;Sample Dataset</source>
        <translation>샘플 데이터셋 열기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="152" />
        <source>Load &amp;Model…</source>
        <translation>모델 불러오기(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="153" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="154" />
        <source>&amp;Fit to Window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="155" />
        <source>&amp;Actual Size (1:1)</source>
        <translation>실제 크기 1:1(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="156" />
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="157" />
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="158" />
        <source>Show &amp;Boxes</source>
        <translation>박스 표시(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="162" />
        <source>&amp;Previous Image</source>
        <translation>이전 이미지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="163" />
        <source>&amp;Next Image</source>
        <translation>다음 이미지(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="164" />
        <source>Next &amp;Unlabeled Image</source>
        <translation>다음 라벨 없는 이미지(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="166" />
        <source>&amp;Preprocessing Studio…</source>
        <translation>전처리 스튜디오(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="168" />
        <source>Dataset &amp;Insight…</source>
        <translation>데이터셋 분석(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="169" />
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>단축키(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="178" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="180" />
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="190" />
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="194" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="200" />
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="202" />
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="208" />
        <source>&amp;Review</source>
        <translation>검수(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="218" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="220" />
        <source>&amp;Tours</source>
        <translation>둘러보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="251" />
        <source>Loading model {0}…</source>
        <translation>모델 {0} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="258" />
        <source>Background task failed</source>
        <translation>백그라운드 작업 실패</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="262" />
        <source>Cannot save labels</source>
        <translation>라벨을 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="280" />
        <source>Open Dataset Folder</source>
        <translation>데이터셋 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="286" />
        <source>Open data.yaml</source>
        <translation>data.yaml 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="287" />
        <source>Dataset YAML (*.yaml *.yml)</source>
        <translation>데이터셋 YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="299" />
        <source>studio — {0}</source>
        <translation>studio — {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="315" />
        <source>No images found in {0}.</source>
        <translation>{0}에서 이미지를 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="329" />
        <source>object</source>
        <translation>물체</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="330" />
        <source>This dataset had no classes: class 0 is now "object" (rename it in the Classes panel).</source>
        <translation>이 데이터셋에 클래스가 없어 클래스 0을 "object"로 만들었습니다(클래스 패널에서 이름을 바꾸세요).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="371" />
        <source>Nudge selected boxes</source>
        <translation>선택한 박스 미세 이동</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="371" />
        <source>Arrow keys (Shift: 10 px)</source>
        <translation>화살표 키(Shift: 10 px)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="372" />
        <source>Class 1-9 for the selection (or default class)</source>
        <translation>선택한 박스의 클래스 1-9(또는 기본 클래스)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="373" />
        <source>Pan</source>
        <translation>화면 이동</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="373" />
        <source>Drag empty canvas, or middle button</source>
        <translation>빈 캔버스를 끌거나 가운데 버튼</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="374" />
        <source>Zoom around the cursor</source>
        <translation>커서 중심으로 확대/축소</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="374" />
        <source>Mouse wheel</source>
        <translation>마우스 휠</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="375" />
        <source>Leave box mode / clear selection</source>
        <translation>박스 모드 끝내기 / 선택 해제</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="384" />
        <source>Load Detection Model</source>
        <translation>검출 모델 불러오기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="385" />
        <source>Models (*.pt *.onnx)</source>
        <translation>모델 (*.pt *.onnx)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="395" />
        <source>Model {0} loads after the first image…</source>
        <translation>모델 {0}은(는) 첫 이미지가 보인 뒤에 불러옵니다…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="413" />
        <source>No model loaded: &lt;a href="load"&gt;load one&lt;/a&gt; or &lt;a href="demo"&gt;use the demo model&lt;/a&gt;</source>
        <translation>불러온 모델 없음: &lt;a href="load"&gt;모델 불러오기&lt;/a&gt; 또는 &lt;a href="demo"&gt;데모 모델 사용&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="415" />
        <source>No model loaded: load one (File &gt; Load Model) or use the demo model (File &gt; Use the Demo Model).</source>
        <translation>불러온 모델이 없습니다. 모델을 불러오거나(파일 &gt; 모델 불러오기) 데모 모델을 쓰세요(파일 &gt; 데모 모델 사용).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="425" />
        <source>Model: {0} · {1} classes</source>
        <translation>모델: {0} · 클래스 {1}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="431" />
        <source>Cannot load model</source>
        <translation>모델을 불러올 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="435" />
        <source>Model not opened: {0} carries code</source>
        <translation>모델을 열지 않음: {0}에 코드가 들어 있음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="440" />
        <source>Dataset open in another window</source>
        <translation>다른 창에서 열린 데이터셋</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="440" />
        <source>This dataset is also open in {0} other studio window(s). Both can work: review decisions are shared through studio's database and an image finished there is skipped here; a label file changed there is never overwritten silently (you are asked first).</source>
        <translation>이 데이터셋이 다른 studio 창 {0}개에서도 열려 있습니다. 둘 다 작업할 수 있습니다. 검수 결정은 studio 데이터베이스로 공유되고 그 창에서 끝낸 이미지는 여기서 건너뜁니다. 그 창에서 바뀐 라벨 파일은 묻지 않고 덮어쓰지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="454" />
        <source>Skipped plugins that failed to load: {0} (Help &gt; Plugins)</source>
        <translation>불러오지 못해 건너뛴 플러그인: {0}(도움말 &gt; 플러그인)</translation>
    </message>
</context><context>
    <name>ModelSlot</name>
    <message>
        <location filename="../../studio/ui/prelabel/model_slot.py" line="55" />
        <source>{0} contains code outside the Ultralytics checkpoint format, so opening it could run that code; studio did not open it. Use an ONNX export of the model, or open it anyway if you trust where it came from.</source>
        <translation>{0}에는 Ultralytics 체크포인트 형식 밖의 코드가 들어 있어, 열면 그 코드가 실행될 수 있습니다. studio는 이 파일을 열지 않았습니다. 모델을 ONNX로 내보낸 파일을 쓰거나, 출처를 신뢰한다면 그래도 여십시오.</translation>
    </message>
</context><context>
    <name>ModelTrustUi</name>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="40" />
        <source>&amp;Trusted Model Files…</source>
        <translation>신뢰한 모델 파일(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="45" />
        <source>Model file not opened</source>
        <translation>모델 파일을 열지 않음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="47" />
        <source>Open it anyway only if you trust where {0} came from: its code will run once, in a separate process, to convert it into a file studio can open safely. Your choice is remembered for this exact file and can be revoked in File &gt; Trusted Model Files.</source>
        <translation>{0}의 출처를 신뢰할 때만 여십시오. 이 파일의 코드가 별도 프로세스에서 한 번 실행되어, studio가 안전하게 열 수 있는 파일로 변환됩니다. 선택은 바로 이 파일에 대해 기억되며 파일 &gt; 신뢰한 모델 파일에서 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="51" />
        <source>Trust and Open</source>
        <translation>신뢰하고 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="52" />
        <source>Don't Open</source>
        <translation>열지 않음</translation>
    </message>
</context><context>
    <name>ParamForm</name>
    <message>
        <location filename="../../studio/ui/preprocess/param_form.py" line="62" />
        <source>This operation has no settings.</source>
        <translation>이 연산에는 설정이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/param_form.py" line="82" />
        <source>Odd sizes only: position k means size 2k+1</source>
        <translation>홀수 크기만: 위치 k는 크기 2k+1</translation>
    </message>
</context><context>
    <name>PipelinePanel</name>
    <message>
        <location filename="../../studio/ui/preprocess/pipeline_panel.py" line="40" />
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/pipeline_panel.py" line="43" />
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/pipeline_panel.py" line="46" />
        <source>Steps run top to bottom; untick a step to skip it.</source>
        <translation>단계는 위에서 아래로 실행됩니다. 체크를 해제하면 건너뜁니다.</translation>
    </message>
</context><context>
    <name>PrelabelController</name>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="53" />
        <source>Open a dataset first.</source>
        <translation>먼저 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="56" />
        <source>No model loaded: load one (File &gt; Load Model) or use the demo model.</source>
        <translation>불러온 모델이 없습니다. 모델을 불러오거나(파일 &gt; 모델 불러오기) 데모 모델을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="59" />
        <source>A pre-labeling run is already in progress.</source>
        <translation>사전 라벨링이 이미 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="76" />
        <source>None of the model's classes matches a dataset class by name; use 'studio prelabel --map' to map them by hand.</source>
        <translation>모델 클래스 중 이름이 데이터셋 클래스와 같은 것이 없습니다. 'studio prelabel --map'으로 직접 대응시키세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="106" />
        <source>There is no interrupted pre-labeling run to resume.</source>
        <translation>이어서 할 중단된 사전 라벨링 실행이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/controller.py" line="110" />
        <source>Run {0} used {1}; load that model to resume it.</source>
        <translation>실행 {0}은(는) {1}을(를) 썼습니다. 이어서 하려면 그 모델을 불러오세요.</translation>
    </message>
</context><context>
    <name>PrelabelDialog</name>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="50" />
        <source>Pre-label with {0}</source>
        <translation>{0}(으)로 사전 라벨링</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="53" />
        <source>All images</source>
        <translation>모든 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="53" />
        <source>Images without labels</source>
        <translation>라벨 없는 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="54" />
        <source>Images in the current list filter</source>
        <translation>현재 목록 필터의 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="55" />
        <source>Images selected in the list</source>
        <translation>목록에서 선택한 이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="66" />
        <source>Class-agnostic NMS</source>
        <translation>클래스 무관 NMS</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="70" />
        <source>auto uses a GPU when there is one</source>
        <translation>auto는 GPU가 있으면 GPU를 씁니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="71" />
        <source>Sliced inference for small objects</source>
        <translation>작은 물체용 분할 추론</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="79" />
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="80" />
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="81" />
        <source>NMS IoU</source>
        <translation>NMS IoU</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="82" />
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="83" />
        <source>Max detections</source>
        <translation>최대 검출 수</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="85" />
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="87" />
        <source>Run on</source>
        <translation>실행 위치</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="90" />
        <source>Tile size</source>
        <translation>타일 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="91" />
        <source>Tile overlap</source>
        <translation>타일 겹침</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="94" />
        <source>Model class</source>
        <translation>모델 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="94" />
        <source>Dataset class</source>
        <translation>데이터셋 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="101" />
        <source>— drop —</source>
        <translation>— 버림 —</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="112" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="119" />
        <source>Class mapping (model → dataset; unmapped classes are dropped):</source>
        <translation>클래스 대응(모델 → 데이터셋, 대응되지 않은 클래스는 버림):</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/dialog.py" line="132" />
        <source>On {0}×{1} images: {2}</source>
        <translation>{0}×{1} 이미지에서: {2}</translation>
    </message>
</context><context>
    <name>PrelabelUi</name>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="50" />
        <source>Proposals</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="52" />
        <source>Proposals ≥ </source>
        <translation>제안 ≥ </translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="57" />
        <source>Pre-labeling {0} / {1} · {2} img/s · ETA {3}</source>
        <translation>사전 라벨링 {0} / {1} · 초당 {2}장 · 남은 시간 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="58" />
        <source>Stop pre-labeling (finished images are kept)</source>
        <translation>사전 라벨링 중지(끝난 이미지는 유지)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="60" />
        <source>Pre-label &amp;with Settings…</source>
        <translation>설정하여 사전 라벨링(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="61" />
        <source>Pre-label &amp;All Images</source>
        <translation>모든 이미지 사전 라벨링(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="62" />
        <source>Pre-label &amp;Unlabeled Images</source>
        <translation>라벨 없는 이미지 사전 라벨링(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="64" />
        <source>&amp;Resume Interrupted Pre-labeling</source>
        <translation>중단된 사전 라벨링 이어서 하기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="66" />
        <source>&amp;Stop Pre-labeling</source>
        <translation>사전 라벨링 중지(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="109" />
        <location filename="../../studio/ui/prelabel/menu.py" line="72" />
        <source>Pre-labeling</source>
        <translation>사전 라벨링</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="109" />
        <source>Open a dataset first.</source>
        <translation>먼저 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="143" />
        <source>Pre-labeling run {0} finished: {1} images, {2} proposals, {3} unreadable.</source>
        <translation>사전 라벨링 실행 {0} 완료: 이미지 {1}장, 제안 {2}개, 읽을 수 없음 {3}.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/menu.py" line="144" />
        <source>Pre-labeling run {0} stopped after {1} images ({2} proposals); Tools &gt; Resume Interrupted Pre-labeling continues it.</source>
        <translation>사전 라벨링 실행 {0}이(가) 이미지 {1}장 후 멈췄습니다(제안 {2}개). 도구 &gt; 중단된 사전 라벨링 이어서 하기로 계속합니다.</translation>
    </message>
</context><context>
    <name>PreprocessWindow</name>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="141" />
        <source>Preprocessing studio</source>
        <translation>전처리 스튜디오</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="151" />
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="152" />
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="159" />
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="159" />
        <source>Mask over photo</source>
        <translation>사진 위 마스크</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="159" />
        <source>Before | after</source>
        <translation>전 | 후</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="163" />
        <source>Overlay opacity</source>
        <translation>오버레이 불투명도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="167" />
        <source>Before | after split position</source>
        <translation>전 | 후 분할 위치</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="172" />
        <source>View</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="174" />
        <source>Show: </source>
        <translation>표시: </translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="176" />
        <source>  Opacity </source>
        <translation>  불투명도 </translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="178" />
        <source>  Split </source>
        <translation>  분할 </translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="205" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="206" />
        <source>Open &amp;Image…</source>
        <translation>이미지 열기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="207" />
        <source>Open &amp;Pipeline…</source>
        <translation>파이프라인 열기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="208" />
        <source>&amp;Save Pipeline…</source>
        <translation>파이프라인 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="209" />
        <source>&amp;Export as Python…</source>
        <translation>Python으로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="210" />
        <source>&amp;Apply to Folder…</source>
        <translation>폴더에 적용(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="212" />
        <source>&amp;Fit to Window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="213" />
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="214" />
        <source>&amp;Threshold</source>
        <translation>임계값(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="215" />
        <source>&amp;Try All Methods…</source>
        <translation>모든 방법 시험(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="224" />
        <source>Cannot open image</source>
        <translation>이미지를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="228" />
        <source>Preprocessing studio — {0}</source>
        <translation>전처리 스튜디오 — {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="253" />
        <source>Preview at {0:.0%} scale while dragging: this step is slow at display scale (full resolution on release)</source>
        <translation>드래그하는 동안 {0:.0%} 배율로 미리보기: 이 단계는 화면 배율에서 느립니다(놓으면 원본 해상도)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="256" />
        <source>Preview at {0:.0%} scale (full resolution follows)</source>
        <translation>{0:.0%} 크기로 미리 보기(곧 원본 해상도)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="258" />
        <source>Full resolution</source>
        <translation>원본 해상도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="260" />
        <source>{0:.0f} ms</source>
        <translation>{0:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="267" />
        <source>Preview failed: {0}</source>
        <translation>미리보기 실패: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="337" />
        <source>Open Image</source>
        <translation>이미지 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="338" />
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="344" />
        <source>Open Pipeline</source>
        <translation>파이프라인 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="363" />
        <location filename="../../studio/ui/preprocess/window.py" line="345" />
        <source>Pipelines (*.json)</source>
        <translation>파이프라인 (*.json)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="354" />
        <source>Cannot open pipeline</source>
        <translation>파이프라인을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="362" />
        <source>Save Pipeline</source>
        <translation>파이프라인 저장</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="368" />
        <source>Cannot save pipeline</source>
        <translation>파이프라인을 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="373" />
        <source>Export as Python</source>
        <translation>Python으로 내보내기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="374" />
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="379" />
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="383" />
        <source>Folder of images to process</source>
        <translation>처리할 이미지 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="386" />
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="396" />
        <source>Processing images…</source>
        <translation>이미지 처리 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="396" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="406" />
        <source>{0} of {1} images · {2:.1f}/s · ETA {3}</source>
        <translation>이미지 {1}장 중 {0}장 · 초당 {2:.1f} · 남은 시간 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="412" />
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="412" />
        <source>Stopped; run again to finish the rest.</source>
        <translation>중지했습니다. 다시 실행하면 나머지를 마칩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="414" />
        <source>{0} images failed:</source>
        <translation>이미지 {0}장 실패:</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/window.py" line="420" />
        <source>Batch failed</source>
        <translation>일괄 처리 실패</translation>
    </message>
</context><context>
    <name>QualityReportDialog</name>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="55" />
        <source>Quality Report — Run {0}</source>
        <translation>품질 보고서 — 실행 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="57" />
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="60" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="60" />
        <source>Boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="60" />
        <source>Proposals</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="75" />
        <location filename="../../studio/ui/review/report_dialog.py" line="60" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="75" />
        <location filename="../../studio/ui/review/report_dialog.py" line="61" />
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="76" />
        <location filename="../../studio/ui/review/report_dialog.py" line="61" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="61" />
        <source>Best conf.</source>
        <translation>최적 신뢰도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="61" />
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="69" />
        <source>Confidence threshold</source>
        <translation>신뢰도 임계값</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="84" />
        <source>Show Proposals from the Best-F1 Threshold</source>
        <translation>최고 F1 임계값부터 제안 표시</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="85" />
        <source>Show Proposals from the Precision Threshold</source>
        <translation>정밀도 임계값부터 제안 표시</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="86" />
        <source>Confidence threshold advisor</source>
        <translation>신뢰도 임계값 도우미</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="90" />
        <source>Precision target</source>
        <translation>목표 정밀도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="311" />
        <location filename="../../studio/ui/review/report_dialog.py" line="102" />
        <source>Accept automatically</source>
        <translation>자동 수락</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="112" />
        <source>Accept Automatically</source>
        <translation>자동 수락</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="117" />
        <source>Every proposal of the image at or above</source>
        <translation>이미지의 모든 제안이 이 값 이상</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="118" />
        <source>Hold back for a human spot check (share)</source>
        <translation>사람 표본 검사용으로 남길 비율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="119" />
        <source>… and at least (images)</source>
        <translation>… 그리고 최소(이미지 수)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="120" />
        <source>Sample seed</source>
        <translation>표본 시드</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="143" />
        <source>Cannot compute: {0}</source>
        <translation>계산할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="169" />
        <source>No image of this run has been reviewed by a human yet: review some (Enter accepts, X rejects) and the model's quality appears here.</source>
        <translation>이 실행에서 사람이 검수한 이미지가 아직 없습니다. 몇 장 검수하면(Enter 수락, X 거부) 여기에 모델 품질이 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="172" />
        <source>{0} images reviewed by a human. mAP50 {1:.3f} · mAP50-95 {2:.3f} (proposals against the final labels, COCO matching).</source>
        <translation>사람이 검수한 이미지 {0}장. mAP50 {1:.3f} · mAP50-95 {2:.3f}(제안 대 최종 라벨, COCO 매칭).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="175" />
        <source>{0} reviewed images were left out: image or label file gone.</source>
        <translation>검수한 이미지 {0}장을 뺐습니다: 이미지나 라벨 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="186" />
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="194" />
        <source>Decisions on {0} proposals shown: accepted {1}, edited {2}, rejected {3}; {4} duplicates of existing boxes; {5} boxes drawn by hand (missed by the model).</source>
        <translation>표시된 제안 {0}개에 대한 결정: 수락 {1}, 수정 {2}, 거부 {3}. 기존 박스와 중복 {4}개, 직접 그린 박스(모델이 놓친 것) {5}개.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="224" />
        <source>{0}: mAP50 {1:.3f}</source>
        <translation>{0}: mAP50 {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="226" />
        <source>Trained models on the fixed val split ({0} images none of them trained on): {1}</source>
        <translation>고정된 검증 분할에서 학습한 모델들(어느 모델도 학습에 쓰지 않은 이미지 {0}장): {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="231" />
        <source>Label fixes, measured (seed {0}, {1} epochs, {2} val images): mAP50-95 {3:.3f} on the labels as they were, {4:.3f} as fixed; mAP50 {5:.3f} and {6:.3f}</source>
        <translation>라벨 수정 효과 (시드 {0}, 에포크 {1}, 검증 이미지 {2}장): mAP50-95 원래 라벨 {3:.3f}, 고친 라벨 {4:.3f}; mAP50 {5:.3f}, {6:.3f}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="242" />
        <source>No automatic accept yet.</source>
        <translation>아직 자동 수락을 하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="244" />
        <source>Automatic accept at {0:.2f}: {1} images accepted; {2} held back for a spot check, none reviewed yet (they come first in the queue).</source>
        <translation>신뢰도 {0:.2f} 자동 수락: 이미지 {1}장 수락, {2}장은 표본 검사용으로 남김. 아직 검사하지 않았습니다(대기열 맨 앞에 있습니다).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="249" />
        <source>Spot check of the automatic accept at {0:.2f}: {1} of {2} images checked; {3} needed a change ({4}, 95% interval {5}–{6}); {7} wrongly accepted boxes, {8} missed boxes. {9} images were accepted automatically.</source>
        <translation>신뢰도 {0:.2f} 자동 수락의 표본 검사: {2}장 중 {1}장 확인, {3}장 수정 필요({4}, 95% 구간 {5}–{6}). 잘못 수락된 박스 {7}개, 놓친 박스 {8}개. 자동 수락된 이미지 {9}장.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="269" />
        <source>The advisor needs reviewed images with proposals.</source>
        <translation>도우미에는 제안이 있는 검수된 이미지가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="274" />
        <source>Best F1 {0:.3f} at confidence {1:.2f} (precision {2:.3f}, recall {3:.3f}).</source>
        <translation>최고 F1 {0:.3f}, 신뢰도 {1:.2f}에서(정밀도 {2:.3f}, 재현율 {3:.3f}).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="278" />
        <source>No threshold reaches precision {0:.2f}.</source>
        <translation>정밀도 {0:.2f}에 이르는 임계값이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="281" />
        <source>Precision {0:.2f} or better from confidence {1:.2f} (recall {2:.3f}).</source>
        <translation>신뢰도 {1:.2f}부터 정밀도 {0:.2f} 이상(재현율 {2:.3f}).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="298" />
        <source>{0} images not reviewed yet have every proposal at or above this confidence.</source>
        <translation>아직 검수하지 않은 이미지 {0}장은 모든 제안이 이 신뢰도 이상입니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="311" />
        <source>Write the proposals of {0} images into their label files (boxes they already have are kept)? A random {1} of them (at least {2}) is held back for your spot check.</source>
        <translation>이미지 {0}장의 제안을 라벨 파일에 쓸까요(이미 있는 박스는 유지)? 그중 무작위 {1}(최소 {2}장)는 표본 검사용으로 남깁니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="331" />
        <source>Automatic accept failed: {0}</source>
        <translation>자동 수락 실패: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="342" />
        <source>Accepted {0} images automatically ({1} boxes, {2} duplicates skipped); {3} held back for a spot check.</source>
        <translation>이미지 {0}장을 자동 수락했습니다(박스 {1}개, 중복 {2}개 건너뜀). {3}장은 표본 검사용으로 남겨 두었습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/report_dialog.py" line="346" />
        <source>{0} images failed: {1}</source>
        <translation>이미지 {0}장 실패: {1}</translation>
    </message>
</context><context>
    <name>ReviewController</name>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="133" />
        <source>This image changed on disk since the model saw it: its proposals may be misplaced.</source>
        <translation>모델이 본 뒤에 이 이미지가 바뀌었습니다. 제안 위치가 맞지 않을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="217" />
        <source>{0} proposal(s) matched boxes the image already has and were not added twice.</source>
        <translation>제안 {0}개가 이미 있는 박스와 같아 두 번 추가하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="256" />
        <source>This image is not part of the run under review.</source>
        <translation>이 이미지는 검수 중인 실행에 속하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="291" />
        <source>The labels could not be saved, so the image was not marked reviewed.</source>
        <translation>라벨을 저장하지 못해 이미지를 검수 완료로 표시하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="308" />
        <source>Another studio window had already reviewed this image; your decisions replace its decisions.</source>
        <translation>다른 studio 창에서 이미 검수한 이미지입니다. 지금의 결정이 그 결정을 대신합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/controller.py" line="341" />
        <source>Review queue finished: no image left to review (in this filter).</source>
        <translation>검수 대기열 완료: (이 필터에서) 검수할 이미지가 남지 않았습니다.</translation>
    </message>
</context><context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="44" />
        <source>Lowest confidence first</source>
        <translation>신뢰도 낮은 순</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="45" />
        <source>Most proposals first</source>
        <translation>제안 많은 순</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="46" />
        <source>Disagreement with existing labels</source>
        <translation>기존 라벨과 다른 순</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="47" />
        <source>By name</source>
        <translation>이름순</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="56" />
        <source>Only images with a proposal whose confidence lies in this range</source>
        <translation>신뢰도가 이 범위에 있는 제안이 있는 이미지만</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="69" />
        <source>Quality Report…</source>
        <translation>품질 보고서…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="70" />
        <source>Accept Automatically…</source>
        <translation>자동 수락…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="71" />
        <source>Export Reviewed Images…</source>
        <translation>검수한 이미지 내보내기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="73" />
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="74" />
        <source>Order</source>
        <translation>순서</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="75" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="76" />
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="85" />
        <source>Enter: accept all and next · X: reject all and next
Tab: next proposal · Y: accept · R: reject · E: edit
Ctrl+Z: undo (also back over an image)</source>
        <translation>Enter: 모두 수락 후 다음 · X: 모두 거부 후 다음
Tab: 다음 제안 · Y: 수락 · R: 거부 · E: 편집
Ctrl+Z: 실행 취소(이전 이미지까지)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="113" />
        <source>All classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="123" />
        <source>Run {0} · {1} · {2}</source>
        <translation>실행 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="142" />
        <source>No pre-labeling run yet: load a model and use Tools &gt; Pre-label, then review its proposals here.</source>
        <translation>아직 사전 라벨링 실행이 없습니다. 모델을 불러와 도구 &gt; 사전 라벨링을 실행한 뒤 여기서 제안을 검수하세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="152" />
        <source>{0} of {1} done</source>
        <translation>{1}장 중 {0}장 완료</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="153" />
        <source>{0} left</source>
        <translation>남음 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="153" />
        <source>{0} reviewed</source>
        <translation>검수 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="155" />
        <source>{0} accepted automatically</source>
        <translation>자동 수락 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="157" />
        <source>{0} spot checks waiting</source>
        <translation>표본 검사 대기 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="160" />
        <source>{0} images of the run no longer exist</source>
        <translation>실행의 이미지 {0}장이 더는 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="163" />
        <source>Pace {0:.1f} s per image · {1:.0f} per hour · ETA {2}</source>
        <translation>속도: 이미지당 {0:.1f}초 · 시간당 {1:.0f}장 · 남은 시간 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="166" />
        <source>Pace: shown after the first reviewed image</source>
        <translation>속도: 첫 이미지를 검수하면 표시됩니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="172" />
        <source>This image has no proposals in this run.</source>
        <translation>이 실행에는 이 이미지의 제안이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="175" />
        <source>This image: {0} proposals to decide</source>
        <translation>이 이미지: 결정할 제안 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="177" />
        <source>, {0} below the confidence shown</source>
        <translation>, 표시 신뢰도 미만 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="179" />
        <source>, {0} decided</source>
        <translation>, 결정됨 {0}개</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="183" />
        <source>The image changed on disk since the model saw it: proposals may be misplaced.</source>
        <translation>모델이 본 뒤에 이미지가 바뀌었습니다. 제안 위치가 맞지 않을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="186" />
        <source>{0} proposals are for classes the dataset no longer has; they are left out.</source>
        <translation>제안 {0}개는 데이터셋에 더는 없는 클래스라 제외했습니다.</translation>
    </message>
</context><context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../studio/ui/review/queue.py" line="89" />
        <source>classes renamed or reordered since the run are matched by name</source>
        <translation>실행 이후 이름이나 순서가 바뀐 클래스는 이름으로 맞춥니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/queue.py" line="92" />
        <source>proposals for classes the dataset no longer has are left out: {0}</source>
        <translation>데이터셋에 더는 없는 클래스의 제안은 제외합니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/queue.py" line="95" />
        <source>Run {0}: {1}.</source>
        <translation>실행 {0}: {1}.</translation>
    </message>
</context><context>
    <name>ReviewUi</name>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="219" />
        <location filename="../../studio/ui/review/review_ui.py" line="45" />
        <source>Review</source>
        <translation>검수</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="49" />
        <source>Proposals</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="50" />
        <source>Label Errors</source>
        <translation>라벨 오류</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="58" />
        <source>&amp;Review Mode</source>
        <translation>검수 모드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="61" />
        <source>&amp;Accept All Proposals and Next</source>
        <translation>제안 모두 수락 후 다음(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="63" />
        <source>Re&amp;ject All Proposals and Next</source>
        <translation>제안 모두 거부 후 다음(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="65" />
        <source>Accept &amp;Proposal</source>
        <translation>제안 수락(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="66" />
        <source>Reject P&amp;roposal</source>
        <translation>제안 거부(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="67" />
        <source>&amp;Edit Proposal</source>
        <translation>제안 편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="68" />
        <source>&amp;Next Proposal</source>
        <translation>다음 제안(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="70" />
        <source>Pre&amp;vious Proposal</source>
        <translation>이전 제안(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="72" />
        <source>Next Image to Re&amp;view</source>
        <translation>다음 검수할 이미지(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="73" />
        <source>&amp;Quality Report…</source>
        <translation>품질 보고서(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="74" />
        <source>Accept Au&amp;tomatically…</source>
        <translation>자동 수락(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="75" />
        <source>E&amp;xport Reviewed Images…</source>
        <translation>검수한 이미지 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="219" />
        <source>No pre-labeling run to report on: pre-label some images first (Tools &gt; Pre-label).</source>
        <translation>보고할 사전 라벨링 실행이 없습니다. 먼저 이미지를 사전 라벨링하세요(도구 &gt; 사전 라벨링).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="239" />
        <location filename="../../studio/ui/review/review_ui.py" line="235" />
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="235" />
        <source>No pre-labeling run under review.</source>
        <translation>검수 중인 사전 라벨링 실행이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/review_ui.py" line="239" />
        <source>No image of this run is reviewed yet.</source>
        <translation>이 실행에서 검수한 이미지가 아직 없습니다.</translation>
    </message>
</context><context>
    <name>RunsTab</name>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="41" />
        <source>Add Run Folder…</source>
        <translation>학습 폴더 추가…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="42" />
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="44" />
        <source>Total loss (box + cls + dfl)</source>
        <translation>전체 손실(box + cls + dfl)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="49" />
        <source>Loss per epoch (solid: train, dashed: val)</source>
        <translation>에폭별 손실(실선: 학습, 점선: 검증)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="62" />
        <location filename="../../studio/ui/insight/runs_tab.py" line="49" />
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="50" />
        <location filename="../../studio/ui/insight/runs_tab.py" line="49" />
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="60" />
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="62" />
        <source>Training loss per batch (box + cls + dfl), live</source>
        <translation>배치별 학습 손실(box + cls + dfl), 실시간</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="63" />
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="95" />
        <source>Ultralytics run folder (with results.csv)</source>
        <translation>Ultralytics 학습 폴더(results.csv 포함)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="104" />
        <source>Cannot read this run: {0}</source>
        <translation>이 학습 기록을 읽을 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="178" />
        <source>training, epoch {0} of {1} · ETA {2}</source>
        <translation>학습 중, 에포크 {0}/{1} · 남은 시간 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="182" />
        <source>{0} train</source>
        <translation>{0} 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="185" />
        <source>{0} val</source>
        <translation>{0} 검증</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="197" />
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/runs_tab.py" line="198" />
        <source>Add an Ultralytics run folder (results.csv, args.yaml).</source>
        <translation>Ultralytics 학습 폴더(results.csv, args.yaml)를 추가하세요.</translation>
    </message>
</context><context>
    <name>SampleOpener</name>
    <message>
        <location filename="../../studio/ui/sample_ui.py" line="40" />
        <source>Creating the sample dataset in {0}…</source>
        <translation>{0}에 샘플 데이터셋을 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/sample_ui.py" line="40" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../studio/ui/sample_ui.py" line="42" />
        <source>Sample Dataset</source>
        <translation>샘플 데이터셋</translation>
    </message>
    <message>
        <location filename="../../studio/ui/sample_ui.py" line="65" />
        <source>Drawing the sample's fruit photos: {0} of {1} · {2} left</source>
        <translation>샘플 과일 사진을 그리는 중: {1}장 중 {0}장 · 남은 시간 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/sample_ui.py" line="84" />
        <source>Cannot create the sample dataset</source>
        <translation>샘플 데이터셋을 만들 수 없음</translation>
    </message>
</context><context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="25" />
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="28" />
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shortcuts_dialog.py" line="28" />
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context><context>
    <name>State</name>
    <message>
        <location filename="../../studio/ui/texts.py" line="42" />
        <source>not indexed yet</source>
        <translation>아직 색인 안 됨</translation>
    </message>
    <message>
        <location filename="../../studio/ui/texts.py" line="43" />
        <source>unlabeled</source>
        <translation>라벨 없음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/texts.py" line="44" />
        <source>negative (no objects)</source>
        <translation>네거티브(물체 없음)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/texts.py" line="45" />
        <source>labeled</source>
        <translation>라벨 있음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/texts.py" line="46" />
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
</context><context>
    <name>StatsTab</name>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="42" />
        <source>Compute Statistics</source>
        <translation>통계 계산</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="43" />
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="45" />
        <source>Save Charts as PNG…</source>
        <translation>차트를 PNG로 저장…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="49" />
        <source>Reading {0} / {1} · {2}/s · ETA {3}</source>
        <translation>읽는 중 {0} / {1} · 초당 {2} · 남은 시간 {3}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="50" />
        <source>Boxes (blue) and images (red) per class</source>
        <translation>클래스별 박스(파랑)와 이미지(빨강)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="51" />
        <source>Box sizes (COCO bands)</source>
        <translation>박스 크기(COCO 구간)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="122" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="119" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="52" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="51" />
        <source>boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="52" />
        <source>Box area</source>
        <translation>박스 면적</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="52" />
        <source>log10 of area in pixels</source>
        <translation>픽셀 면적의 log10</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="53" />
        <source>Box centres (x, y as a share of the image)</source>
        <translation>박스 중심(x, y는 이미지 대비 비율)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="54" />
        <source>Boxes per image</source>
        <translation>이미지당 박스 수</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="131" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="120" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="54" />
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="54" />
        <source>boxes in the image</source>
        <translation>이미지의 박스 수</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="58" />
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="58" />
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <location filename="../../studio/ui/insight/stats_tab.py" line="58" />
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="93" />
        <source>Open a dataset first.</source>
        <translation>먼저 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="101" />
        <source>Cannot compute: {0}</source>
        <translation>계산할 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="115" />
        <source>{0} images: {1} labeled, {2} negatives (empty label file), {3} unlabeled (no label file), {4} unreadable; {5} boxes.</source>
        <translation>이미지 {0}장: 라벨 있음 {1}, 네거티브(빈 라벨 파일) {2}, 라벨 없음(라벨 파일 없음) {3}, 읽을 수 없음 {4}. 박스 {5}개.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="121" />
        <source>small &lt; 32²</source>
        <translation>작음 &lt; 32²</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="121" />
        <source>medium</source>
        <translation>중간</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="121" />
        <source>large ≥ 96²</source>
        <translation>큼 ≥ 96²</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <source>Boxes</source>
        <translation>박스</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <source>Share</source>
        <translation>비율</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <source>Small</source>
        <translation>작음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="137" />
        <source>Medium</source>
        <translation>중간</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="138" />
        <source>Large</source>
        <translation>큼</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="155" />
        <source>Folder for the CSV files</source>
        <translation>CSV 파일을 저장할 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="161" />
        <source>Folder for the chart images</source>
        <translation>차트 이미지를 저장할 폴더</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="177" />
        <source>Saved {0} charts to {1}.</source>
        <translation>차트 {0}개를 {1}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="185" />
        <source>Cannot write the CSV files: {0}</source>
        <translation>CSV 파일을 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insight/stats_tab.py" line="187" />
        <source>Wrote {0} CSV files to {1}.</source>
        <translation>CSV 파일 {0}개를 {1}에 썼습니다.</translation>
    </message>
</context><context>
    <name>Tour</name>
    <message>
        <location filename="../../studio/ui/tour.py" line="106" />
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tour.py" line="126" />
        <location filename="../../studio/ui/tour.py" line="106" />
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tour.py" line="125" />
        <source>Back</source>
        <translation>이전</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tour.py" line="127" />
        <source>End Tour</source>
        <translation>둘러보기 끝내기</translation>
    </message>
</context><context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="36" />
        <source>Train a Model</source>
        <translation>모델 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="39" />
        <source>Fine-tune the demo model</source>
        <translation>데모 모델 미세 조정</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="41" />
        <source>From scratch: {0}</source>
        <translation>처음부터 학습: {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="42" />
        <source>Other .pt…</source>
        <translation>다른 .pt…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="52" />
        <source>Set the learning rate</source>
        <translation>학습률 직접 지정</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="66" />
        <source>Also train on unlabeled images (as backgrounds)</source>
        <translation>라벨 없는 이미지도 학습(배경으로)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="67" />
        <source>Also train on labels a model wrote that nobody reviewed</source>
        <translation>모델이 쓰고 아무도 검토하지 않은 라벨도 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="72" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="73" />
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="73" />
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="74" />
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="74" />
        <source>Patience</source>
        <translation>조기 종료 인내(patience)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="75" />
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="76" />
        <source>Learning rate (lr0)</source>
        <translation>학습률(lr0)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="77" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="77" />
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="81" />
        <source>{0} finished images will be used; {1}</source>
        <translation>완료된 이미지 {0}장을 사용합니다. {1}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="88" />
        <source>Hover a setting for a hint. Defaults are Ultralytics' own.</source>
        <translation>설정 위에 마우스를 올리면 도움말이 보입니다. 기본값은 Ultralytics의 기본값입니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="92" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="102" />
        <source>Model to Fine-tune</source>
        <translation>미세 조정할 모델</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="102" />
        <source>Models (*.pt)</source>
        <translation>모델 (*.pt)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="110" />
        <source>Not set: the optimizer picks its own rate.</source>
        <translation>지정 안 함: 옵티마이저가 학습률을 정합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="112" />
        <source>With a rate set, auto's optimizer (AdamW for short runs, SGD for long ones) is named explicitly, so that this rate is the one used.</source>
        <translation>학습률을 지정하면 auto가 고를 옵티마이저(짧은 학습은 AdamW, 긴 학습은 SGD)를 명시하여 이 학습률이 실제로 쓰이게 합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/dialog.py" line="115" />
        <source>{0} starts at this rate.</source>
        <translation>{0}이(가) 이 학습률로 시작합니다.</translation>
    </message>
</context><context>
    <name>TrainingRunWindow</name>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="38" />
        <source>Training — {0}</source>
        <translation>학습 — {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="43" />
        <source>Preparing the data…</source>
        <translation>데이터 준비 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="46" />
        <source>Training loss per batch</source>
        <translation>배치별 학습 손실</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="48" />
        <source>Validation per epoch</source>
        <translation>에포크별 검증</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="57" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="58" />
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="59" />
        <source>Use This Model</source>
        <translation>이 모델 사용</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="60" />
        <source>Pre-label the Unlabeled Images</source>
        <translation>라벨 없는 이미지 사전 라벨링</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="62" />
        <source>Load best.pt, propose boxes for every unlabeled image, then review them lowest confidence first</source>
        <translation>best.pt를 불러와 라벨 없는 모든 이미지에 박스를 제안하고, 신뢰도가 낮은 것부터 검토합니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="109" />
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="122" />
        <source>Epoch {0} of {1} · ETA {2}</source>
        <translation>에포크 {0}/{1} · 남은 시간 {2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="146" />
        <source>Finished. best.pt is ready.</source>
        <translation>끝났습니다. best.pt가 준비되었습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="147" />
        <source>Stopped. Resume continues from the last finished epoch.</source>
        <translation>멈췄습니다. 이어서 학습하면 마지막으로 끝난 에포크부터 계속합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/run_window.py" line="148" />
        <source>Training failed: {0}</source>
        <translation>학습 실패: {0}</translation>
    </message>
</context><context>
    <name>TrainingUi</name>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="36" />
        <source>&amp;Train a Model…</source>
        <translation>모델 학습(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="37" />
        <source>Preview &amp;Augmentation…</source>
        <translation>증강 미리보기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="44" />
        <source>Loop</source>
        <translation>루프</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="71" />
        <location filename="../../studio/ui/training/menu.py" line="68" />
        <source>Train a Model</source>
        <translation>모델 학습</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="68" />
        <source>Open a dataset first.</source>
        <translation>먼저 데이터셋을 여세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="71" />
        <source>Wait until the dataset is indexed: which images are finished is known then.</source>
        <translation>데이터셋 색인이 끝날 때까지 기다리세요. 그때 어떤 이미지가 완료되었는지 알 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="75" />
        <source>{0} unlabeled and {1} labeled by a model without review are left out.</source>
        <translation>라벨 없는 이미지 {0}장과 검토 없이 모델이 라벨한 이미지 {1}장은 제외됩니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="138" />
        <location filename="../../studio/ui/training/menu.py" line="126" />
        <source>Preview Augmentation</source>
        <translation>증강 미리보기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="127" />
        <source>Open a dataset and let it finish indexing first.</source>
        <translation>먼저 데이터셋을 열고 색인이 끝나기를 기다리세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="148" />
        <source>Comparing with the previous model on the same val images…</source>
        <translation>같은 검증 이미지로 이전 모델과 비교하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="159" />
        <source>On the same {0} val images, labeled as they are now (none of the models trained on them):</source>
        <translation>현재 라벨 그대로인 같은 검증 이미지 {0}장에서(어느 모델도 이 이미지로 학습하지 않음):</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="163" />
        <source>{0}: could not validate ({1})</source>
        <translation>{0}: 검증하지 못함 ({1})</translation>
    </message>
    <message>
        <location filename="../../studio/ui/training/menu.py" line="164" />
        <source>{0}: mAP50 {1:.3f}, mAP50-95 {2:.3f}</source>
        <translation>{0}: mAP50 {1:.3f}, mAP50-95 {2:.3f}</translation>
    </message>
</context><context>
    <name>TrustedModelsDialog</name>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="82" />
        <source>Trusted Model Files</source>
        <translation>신뢰한 모델 파일</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="85" />
        <source>These model files may run their own code: studio converted each once into a copy it opens safely. Revoke trust to be asked again next time.</source>
        <translation>이 모델 파일들은 자체 코드를 실행해도 됩니다. studio는 각 파일을 한 번 변환해 안전하게 여는 사본을 만들었습니다. 신뢰를 취소하면 다음에 다시 묻습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="89" />
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="89" />
        <source>Trusted on</source>
        <translation>신뢰한 날짜</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="89" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="89" />
        <source>Path</source>
        <translation>경로</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="94" />
        <source>&amp;Revoke Trust</source>
        <translation>신뢰 취소(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/prelabel/model_trust.py" line="110" />
        <source>No trusted model files</source>
        <translation>신뢰한 모델 파일 없음</translation>
    </message>
</context><context>
    <name>TryAllDialog</name>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="116" />
        <source>Try All Thresholds</source>
        <translation>모든 임계값 방법 시험</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="121" />
        <source>Computing every method…</source>
        <translation>모든 방법을 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="128" />
        <source>Use {0} for the automatic threshold</source>
        <translation>자동 임계값에 {0} 사용</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="135" />
        <source>Foreground (white) is the pixels above each method's threshold, as in ImageJ. Click a result to use its method.</source>
        <translation>ImageJ와 같이 각 방법의 임계값보다 밝은 픽셀이 전경(흰색)입니다. 결과를 클릭하면 그 방법을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="152" />
        <source>{0}: failed (0)</source>
        <translation>{0}: 실패 (0)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="155" />
        <source>Full resolution ({0} × {1}).</source>
        <translation>원본 해상도 ({0} × {1}).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="157" />
        <source>Quick pass at {0} × {1}; full resolution follows…</source>
        <translation>{0} × {1}에서 빠르게 계산했습니다. 원본 해상도가 이어집니다…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preprocess/try_all.py" line="163" />
        <source>Could not compute the thresholds: {0}</source>
        <translation>임계값을 계산하지 못했습니다: {0}</translation>
    </message>
</context><context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../studio/ui/welcome.py" line="23" />
        <source>Welcome to studio</source>
        <translation>studio에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="28" />
        <source>Label object-detection datasets, pre-label them with a model and review the proposals, and tune image preprocessing. Start with your own folder of images or with the bundled sample of fruit photos.</source>
        <translation>객체 검출 데이터셋에 라벨을 달고, 모델로 사전 라벨링한 제안을 검수하고, 이미지 전처리를 조정합니다. 내 이미지 폴더나 함께 제공되는 과일 사진 샘플로 시작하세요.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="32" />
        <source>Open a Folder of Images…</source>
        <translation>이미지 폴더 열기…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="33" />
        <source>Open the Sample Dataset</source>
        <translation>샘플 데이터셋 열기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="39" />
        <source>Short tours (a few steps each, pointing at the real controls):</source>
        <translation>짧은 둘러보기(각각 몇 단계, 실제 컨트롤을 가리킵니다):</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="41" />
        <source>Annotate: draw and fix boxes</source>
        <translation>라벨링: 박스 그리기와 고치기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="42" />
        <source>Pre-label and review: let a model propose, accept or fix</source>
        <translation>사전 라벨링과 검수: 모델이 제안하고, 수락하거나 고치기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="43" />
        <source>Preprocess: tune OpenCV steps on a photo</source>
        <translation>전처리: 사진에서 OpenCV 단계 조정하기</translation>
    </message>
    <message>
        <location filename="../../studio/ui/welcome.py" line="45" />
        <source>Close this page</source>
        <translation>이 화면 닫기</translation>
    </message>
</context><context>
    <name>studio.core</name>
    <message>
        <location filename="../../studio/core/findings.py" line="26" />
        <source>expected 5 columns (class cx cy w h), found {n}; line kept as is</source>
        <translation>5개 열(class cx cy w h)이어야 하는데 {n}개입니다. 줄은 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="27" />
        <source>polygon/segment row with {n} columns; kept as is, not editable here</source>
        <translation>열 {n}개의 다각형/세그먼트 행입니다. 그대로 두며 여기서 편집할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="28" />
        <source>6 columns: a confidence column from 'predict save_conf'; Ultralytics training rejects it; line kept as is</source>
        <translation>6개 열: 'predict save_conf'의 신뢰도 열입니다. Ultralytics 학습에서 거부됩니다. 줄은 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="29" />
        <source>'{value}' is not a number; line kept as is</source>
        <translation>'{value}'은(는) 숫자가 아닙니다. 줄은 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="30" />
        <source>NaN or infinite value; line kept as is</source>
        <translation>NaN 또는 무한대 값입니다. 줄은 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="31" />
        <source>class id '{value}' is not a non-negative integer; line kept as is</source>
        <translation>클래스 ID '{value}'이(가) 0 이상의 정수가 아닙니다. 줄은 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="32" />
        <source>class id {cls} is beyond the {count} known classes</source>
        <translation>클래스 ID {cls}이(가) 알려진 클래스 {count}개의 범위를 벗어납니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="33" />
        <source>coordinates outside [0, 1] (Ultralytics rejects beyond -0.01..1.01)</source>
        <translation>좌표가 [0, 1]을 벗어납니다(Ultralytics는 -0.01..1.01 밖을 거부)</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="34" />
        <source>box width or height is zero or negative</source>
        <translation>박스 너비나 높이가 0 이하입니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="35" />
        <source>duplicate of line {first}; Ultralytics drops duplicates</source>
        <translation>{first}번 줄과 중복입니다. Ultralytics는 중복을 버립니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="36" />
        <source>file starts with a UTF-8 byte order mark</source>
        <translation>파일이 UTF-8 BOM으로 시작합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="37" />
        <source>file is not UTF-8 text, so Ultralytics drops this image; undecodable bytes are kept</source>
        <translation>파일이 UTF-8 텍스트가 아니어서 Ultralytics가 이 이미지를 제외합니다. 해석할 수 없는 바이트는 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="38" />
        <source>cannot read file: {reason}</source>
        <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="39" />
        <source>not a readable image: {reason}</source>
        <translation>읽을 수 있는 이미지가 아닙니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="40" />
        <source>image is {w}x{h} px; Ultralytics needs at least 10 px</source>
        <translation>이미지가 {w}x{h} px입니다. Ultralytics에는 최소 10 px이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="41" />
        <source>no data.yaml here</source>
        <translation>여기에 data.yaml이 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="42" />
        <source>data.yaml cannot be read: {reason}</source>
        <translation>data.yaml을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="43" />
        <source>data.yaml has no usable 'names'</source>
        <translation>data.yaml에 쓸 수 있는 'names'가 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="44" />
        <source>split '{split}' points to {target}, which does not exist</source>
        <translation>분할 '{split}'이(가) 가리키는 {target}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="45" />
        <source>cannot list folder: {reason}</source>
        <translation>폴더 목록을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="46" />
        <source>classes.txt cannot be read: {reason}</source>
        <translation>classes.txt를 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="47" />
        <source>image format '{format}' is not one Ultralytics trains on</source>
        <translation>이미지 형식 '{format}'은(는) Ultralytics가 학습하지 않는 형식입니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="48" />
        <source>EXIF orientation {orientation}: boxes refer to the rotated view, as Ultralytics loads it</source>
        <translation>EXIF 방향 {orientation}: 박스는 Ultralytics가 불러오는 회전된 화면 기준입니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="49" />
        <source>JPEG has no end marker; Ultralytics would rewrite ('restore') this file when training</source>
        <translation>JPEG 끝 표시가 없습니다. Ultralytics가 학습 때 이 파일을 다시 씁니다('복원')</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="50" />
        <source>JPEG is truncated ({reason}); Ultralytics ignores the image</source>
        <translation>JPEG가 잘려 있습니다({reason}). Ultralytics는 이 이미지를 무시합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="51" />
        <source>box rows and polygon rows in one file; Ultralytics ignores the whole image</source>
        <translation>한 파일에 박스 행과 다각형 행이 섞여 있습니다. Ultralytics는 이미지 전체를 무시합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="52" />
        <source>label file without an image</source>
        <translation>이미지 없는 라벨 파일</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="53" />
        <source>image has no label file (never labeled; Ultralytics treats it as background)</source>
        <translation>이미지에 라벨 파일이 없습니다(라벨한 적 없음. Ultralytics는 배경으로 취급)</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="54" />
        <source>box {box} is only {w:.1f} x {h:.1f} px</source>
        <translation>박스 {box}의 크기가 {w:.1f} x {h:.1f} px밖에 되지 않습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="55" />
        <source>box {box} has an extreme aspect ratio ({ratio:.0f}:1)</source>
        <translation>박스 {box}의 가로세로 비율이 극단적입니다({ratio:.0f}:1)</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="56" />
        <source>boxes {box} ({cls}) and {other_box} ({other}) cover the same object (IoU {iou:.2f}) with different classes</source>
        <translation>박스 {box}({cls})와 {other_box}({other})가 다른 클래스로 같은 물체를 덮고 있습니다(IoU {iou:.2f})</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="57" />
        <source>box {box} labeled '{cls}' looks more like '{other}' (size and colour)</source>
        <translation>'{cls}'(으)로 라벨된 박스 {box}는 '{other}'에 더 가까워 보입니다(크기와 색)</translation>
    </message>
    <message>
        <location filename="../../studio/core/findings.py" line="58" />
        <source>{n} boxes, many piled on each other: only part of them were compared for class conflicts</source>
        <translation>상자 {n}개가 많이 겹쳐 있어 클래스 충돌은 일부만 비교했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/jobspec.py" line="56" />
        <source>{run} was made by a newer studio (settings version {version}); update studio to repeat it</source>
        <translation>{run}은(는) 더 새로운 studio에서 만들어졌습니다(설정 버전 {version}). 다시 하려면 studio를 업데이트하십시오</translation>
    </message>
    <message>
        <location filename="../../studio/core/jobspec.py" line="62" />
        <source>{run} has settings this studio does not know ({keys})</source>
        <translation>{run}에 이 studio가 모르는 설정이 있습니다({keys})</translation>
    </message>
    <message>
        <location filename="../../studio/core/jobspec.py" line="67" />
        <source>{run}: unreadable settings ({reason})</source>
        <translation>{run}: 설정을 읽을 수 없음 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/folds.py" line="46" />
        <source>at least {k} folds are needed (each image is checked by a model trained on the others)</source>
        <translation>폴드가 {k}개 이상 필요합니다 (각 이미지는 나머지로 학습한 모델이 검사합니다)</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/folds.py" line="49" />
        <source>only {n} finished images for {k} folds: each fold needs at least {m}. Label or review more images, or use fewer folds.</source>
        <translation>폴드 {k}개에 완료된 이미지가 {n}장뿐입니다. 폴드마다 {m}장 이상 필요합니다. 이미지를 더 라벨링하거나 검토하거나, 폴드 수를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/folds.py" line="75" />
        <source>class {name} has boxes in one fold only: the model that checks those images never saw it, so its boxes there are not judged. Label a few more, or use fewer folds.</source>
        <translation>{name} 클래스의 상자가 한 폴드에만 있습니다. 그 이미지를 검사하는 모델은 이 클래스를 본 적이 없어 그 상자를 판단하지 못합니다. 몇 개 더 라벨링하거나 폴드 수를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/results.py" line="109" />
        <source>the model has no suggestion for this box; keep it or fix it by hand</source>
        <translation>이 상자에 대한 모델의 제안이 없습니다. 유지하거나 직접 고치세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/results.py" line="111" />
        <source>the model is unsure of its suggestion ({conf:.2f}, below {floor:.2f}); keep the label or fix it by hand</source>
        <translation>모델이 제안을 확신하지 못합니다 ({conf:.2f}, 기준 {floor:.2f} 미만). 라벨을 유지하거나 직접 고치세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/results.py" line="117" />
        <source>the label file changed since the check (box {n} is gone); fix it by hand</source>
        <translation>검사 뒤 라벨 파일이 바뀌었습니다 (상자 {n}이(가) 없습니다). 직접 고치세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/results.py" line="156" />
        <source>{path} is not in this check</source>
        <translation>{path}은(는) 이 검사에 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/labelcheck/results.py" line="181" />
        <source>{path} changed after the suggestion was taken; undo it by hand</source>
        <translation>제안을 받아들인 뒤 {path}이(가) 바뀌었습니다. 직접 되돌리세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/trust.py" line="36" />
        <source>{name}: the trusted file could not be converted ({reason})</source>
        <translation>{name}: 신뢰한 파일을 변환하지 못했습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="73" />
        <source>run {run} was made by a newer studio (settings version {version}); update studio to resume it</source>
        <translation>실행 {run}은(는) 더 새로운 studio에서 만들어졌습니다(설정 버전 {version}). 이어서 하려면 studio를 업데이트하십시오</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="80" />
        <source>run {run} has settings this studio does not know ({keys}); it was made by another version of studio</source>
        <translation>실행 {run}에 이 studio가 모르는 설정이 있습니다({keys}). 다른 버전의 studio에서 만들어졌습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="86" />
        <source>run {run}: unreadable settings ({reason})</source>
        <translation>실행 {run}: 설정을 읽을 수 없음 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="104" />
        <source>unknown backend '{name}' (choose auto, onnx or torch)</source>
        <translation>알 수 없는 백엔드 '{name}' (auto, onnx, torch 중에서 고르십시오)</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="109" />
        <source>ONNX Runtime is not installed; use the torch backend</source>
        <translation>ONNX Runtime이 설치되어 있지 않습니다. torch 백엔드를 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="111" />
        <source>ONNX Runtime here runs on the CPU only; for the GPU use the torch backend (a .pt model), or install onnxruntime-gpu in place of onnxruntime</source>
        <translation>여기 설치된 ONNX Runtime은 CPU에서만 돕니다. GPU를 쓰려면 torch 백엔드(.pt 모델)를 쓰거나, onnxruntime 대신 onnxruntime-gpu를 설치하십시오</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/prelabel_run.py" line="196" />
        <source>there is no run {run} in this dataset</source>
        <translation>이 데이터셋에 실행 {run}이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="31" />
        <source>{name} contains code outside the Ultralytics checkpoint format, so opening it could run that code; studio did not open it. Use an ONNX export of the model, or open it with --trust-model if you trust where it came from.</source>
        <translation>{name}에는 Ultralytics 체크포인트 형식 밖의 코드가 들어 있어, 열면 그 코드가 실행될 수 있습니다. studio는 이 파일을 열지 않았습니다. 모델을 ONNX로 내보낸 파일을 쓰거나, 출처를 신뢰한다면 --trust-model로 여십시오.</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="78" />
        <source>model file not found: {path}</source>
        <translation>모델 파일이 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="80" />
        <source>{name}: not a model file (expected .pt or .onnx)</source>
        <translation>{name}: 모델 파일이 아닙니다(.pt 또는 .onnx여야 합니다)</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="82" />
        <source>{name}: the file is empty</source>
        <translation>{name}: 파일이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="111" />
        <source>{name}: studio cannot open .pt files safely here ({reason}); use an ONNX export of the model</source>
        <translation>{name}: 여기서는 .pt 파일을 안전하게 열 수 없습니다 ({reason}). 모델을 ONNX로 내보낸 파일을 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="124" />
        <source>{name}: cannot be loaded: the package '{package}' is not installed</source>
        <translation>{name}: 불러올 수 없습니다. '{package}' 패키지가 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="133" />
        <source>{name}: cannot be loaded as an Ultralytics model ({reason})</source>
        <translation>{name}: Ultralytics 모델로 불러올 수 없습니다({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="164" />
        <location filename="../../studio/core/inference/model_file.py" line="138" />
        <source>{name}: this is a '{task}' model; studio needs a detection model</source>
        <translation>{name}: '{task}' 모델입니다. studio에는 검출 모델이 필요합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="141" />
        <source>{name}: the model has no class names</source>
        <translation>{name}: 모델에 클래스 이름이 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/model_file.py" line="160" />
        <source>{name}: cannot be loaded as an ONNX model ({reason})</source>
        <translation>{name}: ONNX 모델로 불러올 수 없습니다({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/inference/onnx_backend.py" line="60" />
        <source>{name}: ONNX export failed ({reason})</source>
        <translation>{name}: ONNX 내보내기에 실패했습니다({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="169" />
        <source>probably {new}, not {old} ({conf:.2f})</source>
        <translation>{old}가 아니라 {new}일 가능성이 큽니다 ({conf:.2f})</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="170" />
        <source>maybe {new}, not {old} ({conf:.2f}): the model is unsure</source>
        <translation>{old}가 아니라 {new}일 수도 있음 ({conf:.2f}): 모델이 확신하지 못함</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="172" />
        <source>the model does not see a {old} here</source>
        <translation>모델은 여기서 {old}를 보지 못합니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="177" />
        <source>box looks shifted or loose</source>
        <translation>박스가 어긋나 있거나 헐거워 보입니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="189" />
        <source>an unlabeled {name} the model sees here ({conf:.2f})</source>
        <translation>모델이 여기서 레이블 없는 {name}를 봅니다 ({conf:.2f})</translation>
    </message>
    <message>
        <location filename="../../studio/core/insight/label_issues.py" line="191" />
        <source>perhaps an unlabeled {name} here ({conf:.2f}): the model is unsure</source>
        <translation>라벨 없는 {name}일 수도 있음 ({conf:.2f}): 모델이 확신하지 못함</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/connect.py" line="55" />
        <source>unknown cluster address '{address}' (choose {choices})</source>
        <translation>알 수 없는 클러스터 주소 '{address}' ({choices} 중 선택)</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/connect.py" line="65" />
        <source>Ray is not installed ({reason}); install the cluster extra: pip install "detection-studio[cluster]"</source>
        <translation>Ray가 설치되어 있지 않습니다 ({reason}). 클러스터 추가 패키지를 설치하세요: pip install "detection-studio[cluster]"</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/connect.py" line="78" />
        <source>no Ray cluster found for 'auto': set RAY_ADDRESS, or run 'ray start --head' first</source>
        <translation>'auto'에 해당하는 Ray 클러스터가 없습니다: RAY_ADDRESS를 설정하거나 먼저 'ray start --head'를 실행하세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/connect.py" line="88" />
        <source>cannot reach the Ray cluster at {address}: {reason}</source>
        <translation>{address}의 Ray 클러스터에 연결할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="55" />
        <source>device 'mps' cannot be used on a Ray cluster; use auto, cpu or cuda</source>
        <translation>Ray 클러스터에서는 'mps' 장치를 쓸 수 없습니다. auto, cpu 또는 cuda를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="58" />
        <source>unknown device '{name}' (choose auto, cpu or cuda)</source>
        <translation>알 수 없는 장치 '{name}' (auto, cpu 또는 cuda 중 선택)</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="61" />
        <source>device '{name}' is not available: the Ray cluster has no GPU ({what}); use cpu or auto</source>
        <translation>'{name}' 장치를 쓸 수 없습니다: Ray 클러스터에 GPU가 없습니다 ({what}). cpu 또는 auto를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="83" />
        <source>unknown image mode '{mode}' (choose shared or send)</source>
        <translation>알 수 없는 이미지 방식 '{mode}' (shared 또는 send 중 선택)</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="88" />
        <source>the Ray cluster has no GPU ({what})</source>
        <translation>Ray 클러스터에 GPU가 없습니다 ({what})</translation>
    </message>
    <message>
        <location filename="../../studio/core/cluster/runner.py" line="120" />
        <source>a cluster worker failed: {reason}</source>
        <translation>클러스터 워커가 실패했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/imageio.py" line="107" />
        <location filename="../../studio/core/dataset/imageio.py" line="55" />
        <location filename="../../studio/core/cluster/runner.py" line="196" />
        <source>the file is empty (0 bytes)</source>
        <translation>파일이 비어 있습니다(0바이트)</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/imageio.py" line="116" />
        <location filename="../../studio/core/dataset/imageio.py" line="51" />
        <location filename="../../studio/core/cluster/runner.py" line="197" />
        <source>file not found</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/importer.py" line="72" />
        <source>'{ref}' matches {n} images in the dataset; give its path</source>
        <translation>'{ref}'에 맞는 이미지가 데이터셋에 {n}개 있습니다. 경로를 적어 주세요</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/importer.py" line="74" />
        <source>unknown image '{ref}': no image of that name in the dataset</source>
        <translation>알 수 없는 이미지 '{ref}': 데이터셋에 그런 이름의 이미지가 없습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/importer.py" line="135" />
        <source>{image}: the image cannot be read ({reason})</source>
        <translation>{image}: 이미지를 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="39" />
        <source>not a valid {fmt} file ({reason})</source>
        <translation>올바른 {fmt} 파일이 아닙니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="42" />
        <source>cannot read it ({reason})</source>
        <translation>읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="77" />
        <source>object {n}: no name or a corner that is not a number; left out</source>
        <translation>객체 {n}: 이름이 없거나 꼭짓점이 숫자가 아니어서 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="109" />
        <source>shape {n}: no label or no points; left out</source>
        <translation>도형 {n}: 레이블이나 점이 없어 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="113" />
        <source>shape {n} ({name}): a coordinate is not a number (e.g. given as text); left out</source>
        <translation>도형 {n} ({name}): 좌표가 숫자가 아니어서(예: 문자열) 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="117" />
        <source>shape {n} ({name}): a rectangle needs 2 or 4 points; left out</source>
        <translation>도형 {n} ({name}): 사각형에는 점이 2개나 4개 있어야 하므로 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="157" />
        <source>annotation {n}: unknown category or a bbox value that is not a number; left out</source>
        <translation>주석 {n}: 알 수 없는 카테고리이거나 bbox 값이 숫자가 아니어서 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/readers.py" line="178" />
        <source>box {n}: no label or a corner that is not a number; left out</source>
        <translation>박스 {n}: 레이블이 없거나 꼭짓점이 숫자가 아니어서 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/convert.py" line="50" />
        <source>the file says the image is {sw}x{sh}, it is {w}x{h}; the real size is used</source>
        <translation>파일에는 이미지가 {sw}x{sh}라고 되어 있지만 실제로는 {w}x{h}입니다. 실제 크기를 씁니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/convert.py" line="79" />
        <source>'{name}' box ({box}) is outside the {w}x{h} image; left out</source>
        <translation>'{name}' 박스 ({box})가 {w}x{h} 이미지 밖에 있어 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/convert.py" line="84" />
        <source>'{name}' box ({box}) reaches outside the {w}x{h} image; clipped to it</source>
        <translation>'{name}' 박스 ({box})가 {w}x{h} 이미지 밖으로 나가 이미지에 맞춰 잘랐습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/interchange/convert.py" line="87" />
        <source>'{name}' box ({box}) has zero size; left out</source>
        <translation>'{name}' 박스 ({box})의 크기가 0이어서 제외했습니다</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/layout.py" line="228" />
        <source>no such folder: {path}</source>
        <translation>폴더가 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/layout.py" line="230" />
        <source>not a folder or data.yaml: {path}</source>
        <translation>폴더나 data.yaml이 아닙니다: {path}</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/layout.py" line="232" />
        <source>cannot read folder: {path}</source>
        <translation>폴더를 읽을 수 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/imageio.py" line="130" />
        <location filename="../../studio/core/dataset/imageio.py" line="119" />
        <source>not an image file (unknown format)</source>
        <translation>이미지 파일이 아닙니다(알 수 없는 형식)</translation>
    </message>
    <message>
        <location filename="../../studio/core/dataset/imageio.py" line="132" />
        <source>the image is truncated</source>
        <translation>이미지가 잘려 있습니다</translation>
    </message>
</context><context>
    <name>studio.ops</name>
    <message>
        <location filename="../../studio/ui/preprocess/param_form.py" line="56" />
        <source> min</source>
        <translation> 최소</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="73" />
        <source>otsu (OpenCV)</source>
        <translation>otsu (OpenCV)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="73" />
        <source>triangle (OpenCV)</source>
        <translation>triangle (OpenCV)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="74" />
        <source>isodata (scikit-image)</source>
        <translation>isodata (scikit-image)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="74" />
        <source>li (scikit-image)</source>
        <translation>li (scikit-image)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="75" />
        <source>mean (unrounded)</source>
        <translation>mean (반올림 없음)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="75" />
        <source>minimum (scikit-image)</source>
        <translation>minimum (scikit-image)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="76" />
        <source>yen (scikit-image)</source>
        <translation>yen (scikit-image)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="80" />
        <source>Invert (dark objects)</source>
        <translation>반전(어두운 물체)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="84" />
        <source>Grayscale</source>
        <translation>회색조</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="85" />
        <location filename="../../studio/core/preprocess/ops.py" line="84" />
        <source>Color</source>
        <translation>색상</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="85" />
        <source>Color space</source>
        <translation>색 공간</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="124" />
        <location filename="../../studio/core/preprocess/ops.py" line="86" />
        <source>Space</source>
        <translation>색 공간</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="87" />
        <source>Resize</source>
        <translation>크기 조절</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="87" />
        <source>Geometry</source>
        <translation>기하</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="88" />
        <source>Scale</source>
        <translation>배율</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="89" />
        <source>Interpolation</source>
        <translation>보간</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="90" />
        <source>Gaussian blur</source>
        <translation>가우시안 블러</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="108" />
        <location filename="../../studio/core/preprocess/ops.py" line="95" />
        <location filename="../../studio/core/preprocess/ops.py" line="93" />
        <location filename="../../studio/core/preprocess/ops.py" line="90" />
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="133" />
        <location filename="../../studio/core/preprocess/ops.py" line="94" />
        <location filename="../../studio/core/preprocess/ops.py" line="91" />
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="92" />
        <source>Sigma (0 = from size)</source>
        <translation>시그마(0 = 크기로 계산)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="93" />
        <source>Median blur</source>
        <translation>미디언 블러</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="95" />
        <source>Bilateral filter</source>
        <translation>양방향 필터</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="96" />
        <source>Diameter</source>
        <translation>지름</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="97" />
        <source>Sigma color</source>
        <translation>색 시그마</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="98" />
        <source>Sigma space</source>
        <translation>공간 시그마</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="99" />
        <source>Brightness / contrast</source>
        <translation>밝기 / 대비</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="140" />
        <location filename="../../studio/core/preprocess/ops.py" line="105" />
        <location filename="../../studio/core/preprocess/ops.py" line="104" />
        <location filename="../../studio/core/preprocess/ops.py" line="102" />
        <location filename="../../studio/core/preprocess/ops.py" line="99" />
        <source>Tone</source>
        <translation>톤</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="100" />
        <source>Contrast</source>
        <translation>대비</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="101" />
        <source>Brightness</source>
        <translation>밝기</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="103" />
        <location filename="../../studio/core/preprocess/ops.py" line="102" />
        <source>Gamma</source>
        <translation>감마</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="104" />
        <source>Histogram equalization</source>
        <translation>히스토그램 평활화</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="105" />
        <source>CLAHE</source>
        <translation>CLAHE</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="106" />
        <source>Clip limit</source>
        <translation>대비 제한</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="107" />
        <source>Tiles per side</source>
        <translation>한 변의 타일 수</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="108" />
        <source>Unsharp mask</source>
        <translation>언샤프 마스크</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="109" />
        <source>Radius (sigma)</source>
        <translation>반경(시그마)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="110" />
        <source>Amount</source>
        <translation>강도</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="111" />
        <source>Threshold (manual)</source>
        <translation>임계값(수동)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="123" />
        <location filename="../../studio/core/preprocess/ops.py" line="119" />
        <location filename="../../studio/core/preprocess/ops.py" line="113" />
        <location filename="../../studio/core/preprocess/ops.py" line="112" />
        <location filename="../../studio/core/preprocess/ops.py" line="111" />
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="113" />
        <source>Threshold (automatic)</source>
        <translation>임계값(자동)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="114" />
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="116" />
        <source>Ignore black (0)</source>
        <translation>검정(0) 무시</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="117" />
        <source>Ignore white (255)</source>
        <translation>흰색(255) 무시</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="119" />
        <source>Threshold (adaptive)</source>
        <translation>임계값(적응형)</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="120" />
        <source>Local mean</source>
        <translation>지역 평균</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="121" />
        <source>Block size</source>
        <translation>블록 크기</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="122" />
        <source>Offset C</source>
        <translation>오프셋 C</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="123" />
        <source>Color range</source>
        <translation>색 범위</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="125" />
        <source>Channel 1 min</source>
        <translation>채널 1 최소</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="125" />
        <source>Channel 1 max</source>
        <translation>채널 1 최대</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="126" />
        <source>Channel 2 min</source>
        <translation>채널 2 최소</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="126" />
        <source>Channel 2 max</source>
        <translation>채널 2 최대</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="127" />
        <source>Channel 3 min</source>
        <translation>채널 3 최소</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="127" />
        <source>Channel 3 max</source>
        <translation>채널 3 최대</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="129" />
        <location filename="../../studio/core/preprocess/ops.py" line="129" />
        <source>Morphology</source>
        <translation>형태학 연산</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="130" />
        <source>Operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="132" />
        <source>Kernel shape</source>
        <translation>커널 모양</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="134" />
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="135" />
        <source>Canny edges</source>
        <translation>Canny 에지</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="135" />
        <source>Edges</source>
        <translation>에지</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="136" />
        <source>Low threshold</source>
        <translation>낮은 임계값</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="137" />
        <source>High threshold</source>
        <translation>높은 임계값</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="138" />
        <source>Aperture</source>
        <translation>조리개 크기</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="139" />
        <source>L2 gradient</source>
        <translation>L2 기울기</translation>
    </message>
    <message>
        <location filename="../../studio/core/preprocess/ops.py" line="140" />
        <source>Invert</source>
        <translation>반전</translation>
    </message>
</context><context>
    <name>studio.train</name>
    <message>
        <location filename="../../studio/core/training/settings.py" line="27" />
        <source>Passes over the data; early stopping (patience) may end sooner.</source>
        <translation>데이터를 몇 번 볼지 정합니다. 조기 종료(patience)로 더 일찍 끝날 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="28" />
        <source>Training image size; small objects need a larger size.</source>
        <translation>학습 이미지 크기. 작은 물체에는 더 큰 크기가 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="29" />
        <source>Images per step; if the loss swings up and down strongly, raise it.</source>
        <translation>한 번에 보는 이미지 수. 손실이 크게 오르내리면 늘리세요.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="30" />
        <source>Stop after this many epochs without a better validation score.</source>
        <translation>검증 점수가 이만큼의 에포크 동안 나아지지 않으면 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="31" />
        <source>auto picks AdamW for short runs and SGD for long ones.</source>
        <translation>auto는 짧은 학습에 AdamW, 긴 학습에 SGD를 고릅니다.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="32" />
        <source>A slowly, evenly falling loss: raise it; a loss that barely falls: lower it.</source>
        <translation>손실이 천천히 고르게 줄면 올리고, 거의 줄지 않으면 내리세요.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="33" />
        <source>Same seed, data and settings give the same run (on the CPU).</source>
        <translation>같은 시드, 데이터, 설정이면 (CPU에서) 같은 결과가 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../studio/core/training/settings.py" line="34" />
        <source>auto uses a GPU when there is one.</source>
        <translation>auto는 GPU가 있으면 GPU를 씁니다.</translation>
    </message>
</context></TS>
