package vn.thanthien.pilot.reorganisation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.UnitMapping;

/**
 * Before anything changes: what the chosen reorganisation would move now (its new units and
 * groups, the units whose work goes over, the open tasks and the running instances), for the
 * administrator to read and confirm. A mapping the application does not know is refused.
 */
@Component("reorganisationPreview")
public class ReorganisationPreview implements JavaDelegate {

  /** The preview names at most this many tasks one by one; the rest are counted. */
  static final int TASKS_LISTED = 200;

  private final Reorganisation reorganisation;

  public ReorganisationPreview(Reorganisation reorganisation) {
    this.reorganisation = reorganisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitMapping mapping = mapping(reorganisation, execution);
    Reorganisation.Plan plan = reorganisation.plan(mapping, execution.getProcessEngineServices());
    execution.setVariable("effectiveDate", FormValues.display(mapping.effective()));
    execution.setVariable("mappingName", mapping.name());
    execution.setVariable("movesCount", (long) plan.moves());
    execution.setVariable("alreadyApplied", plan.moves() == 0 && plan.missingGroups().isEmpty());
    execution.setVariable("reorganisationPreview", DisplayText.longText(text(plan)));
  }

  static UnitMapping mapping(Reorganisation reorganisation, DelegateExecution execution) {
    Object id = execution.getVariable("mappingId");
    return reorganisation.mappings().mapping(id == null ? null : id.toString()).orElseThrow(() ->
        ValidationProblems.reject("Phương án sắp xếp «" + id + "» không có trong dữ liệu của hệ thống; chọn một"
            + " phương án trong danh sách"));
  }

  static String text(Reorganisation.Plan plan) {
    StringBuilder text = new StringBuilder();
    if (plan.moves() == 0 && plan.missingGroups().isEmpty()) {
      text.append("**Phương án này đã được áp dụng:** không còn công việc, hồ sơ nào phải chuyển; áp dụng lại"
          + " cũng không thay đổi gì.\n\n");
    }
    text.append("### Đơn vị kế thừa và nhóm cán bộ\n\n");
    plan.successorGroups().forEach((successor, olds) -> {
      if (olds.isEmpty()) {
        return;
      }
      text.append("- ").append(successor.committeeName()).append(" (mã ").append(successor.code()).append(", nhóm ")
          .append(successor.groupId()).append(plan.missingGroups().contains(successor.groupId()) ? ", sẽ được tạo" : "")
          .append("): nhận cán bộ và công việc của ")
          .append(olds.stream().map(old -> plan.succession().ended().getOrDefault(old, old))
              .collect(Collectors.joining(", ")))
          .append("\n");
    });
    text.append("\n### Công việc chưa hoàn thành được chuyển (").append(plan.tasks().size()).append(")\n\n");
    List<Task> tasks = plan.tasks();
    for (int i = 0; i < Math.min(TASKS_LISTED, tasks.size()); i++) {
      Task task = tasks.get(i);
      text.append("- ").append(DisplayText.escapeMarkdown(task.getName())).append(" (hồ sơ ")
          .append(task.getProcessInstanceId()).append(")\n");
    }
    if (tasks.size() > TASKS_LISTED) {
      text.append("- … và ").append(tasks.size() - TASKS_LISTED).append(" công việc khác\n");
    }
    text.append("\n### Hồ sơ đang thực hiện được chuyển: ").append(plan.instances().size())
        .append(" (các bước sau sẽ giao cho đơn vị kế thừa; tên, mã và lịch sử của đơn vị cũ giữ nguyên)\n\n");
    Map<String, String> ended = plan.succession().ended();
    text.append("### Nhóm của đơn vị không còn: ").append(ended.size())
        .append(" (giữ lại để tra cứu, ghi thêm ngày kết thúc, không nhận việc mới)\n");
    return text.toString();
  }

}
